import Foundation
import Testing
@testable import Requirements

@Suite("uv lock")
struct LockCommandTests {
    /// `uv` next to the test interpreter (the repo's .venv installs it), else on PATH.
    static let uv: String? = {
        let manager = FileManager.default
        let python = TestPaths.python
        if python.contains("/") {
            let sibling = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("uv").path
            if manager.isExecutableFile(atPath: sibling) { return sibling }
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(directory) + "/uv"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    @Test("uv compiles a hash-locked file for the image platform", .enabled(if: uv != nil), .timeLimit(.minutes(3)))
    func lock() throws {
        let uv = try #require(Self.uv)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let resolved = ResolvedRequirements(
            pythonVersion: PythonVersion(3, 11),
            requirements: [PinnedRequirement(requirement: try Requirement(parsing: "six==1.16.0"), imports: ["six"], source: .notebook)],
            imports: [], localModules: [], diagnostics: []
        )
        try resolved.requirementsTxt.write(to: directory.appendingPathComponent("requirements.txt"), atomically: true, encoding: .utf8)
        let command = LockCommand(pythonVersion: resolved.pythonVersion, uv: uv)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: uv)
        process.arguments = Array(command.arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lock = try String(contentsOf: directory.appendingPathComponent("requirements.lock"), encoding: .utf8)
        #expect(lock.contains("#    nbship convert --lock"))
        #expect(lock.contains("six==1.16.0 \\"))
        #expect(lock.contains("--hash=sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"))
    }
}
