import Diagnostics
import Foundation
import Requirements

/// Writes `requirements.lock` by running `uv pip compile --generate-hashes` on a project's
/// `requirements.txt`, for the target Python version and `x86_64-manylinux_2_28`, wheels only.
public struct ProjectLocker: Sendable {
    /// The `uv` executable (a path, or a name looked up on `PATH`).
    public var uv: String

    /// Creates a locker.
    /// - Parameter uv: The `uv` executable.
    public init(uv: String) {
        self.uv = uv
    }

    /// Finds `uv`: `$NBSHIP_UV`, then beside the `--python` interpreter (a venv's `bin/`), then `PATH`.
    /// - Parameters:
    ///   - interpreter: The `--python` interpreter.
    ///   - environment: The process environment.
    /// - Returns: The executable, or `nil` when there is none.
    public static func findUV(interpreter: String, environment: [String: String]) -> String? {
        if let explicit = environment["NBSHIP_UV"], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        if interpreter.contains("/") {
            candidates.append(URL(fileURLWithPath: interpreter).deletingLastPathComponent().appendingPathComponent("uv").path)
        }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/uv" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Locks a requirements file's text.
    /// - Parameters:
    ///   - requirementsTxt: The pinned requirements.
    ///   - pythonVersion: The target Python version.
    /// - Returns: The lock file's text.
    /// - Throws: `convert.lock-failed` with uv's message.
    public func lock(_ requirementsTxt: String, pythonVersion: PythonVersion) throws(DiagnosticError) -> String {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("nbship-lock-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let command = LockCommand(pythonVersion: pythonVersion, uv: uv)
        let process = Process()
        let errors = Pipe()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(requirementsTxt.utf8).write(to: folder.appendingPathComponent(command.input))
            process.executableURL = URL(fileURLWithPath: uv.contains("/") ? uv : "/usr/bin/env")
            process.arguments = uv.contains("/") ? Array(command.arguments.dropFirst()) : command.arguments
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        } catch {
            throw DiagnosticError(.error("convert.lock-failed", "cannot run uv ('\(uv)'): \(error.localizedDescription.lowercased())",
                                         notes: ["install uv (pip install uv) or pass NBSHIP_UV=/path/to/uv"]))
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let data = manager.contents(atPath: folder.appendingPathComponent(command.output).path) else {
            let last = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            throw DiagnosticError(.error("convert.lock-failed", "uv pip compile failed: \(last.suffix(3).joined(separator: " ").lowercased())",
                                         notes: ["the lock needs the package index (PyPI) to be reachable"]))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
