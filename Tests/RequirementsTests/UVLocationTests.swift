import Foundation
import TestSupport
import Testing
@testable import Requirements

/// Where `convert --lock` finds uv: `$NBSHIP_UV`, else beside the interpreter, else on `PATH`.
@Suite struct UVLocationTests {
    /// `ROOT/venv/bin/{python,uv}` and `ROOT/path/uv`, all executable, plus a non-executable
    /// `ROOT/plain/uv` and a folder `ROOT/folder/uv`.
    static func layout() throws -> URL {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-uv")
        let manager = FileManager.default
        for (path, mode) in [("venv/bin/python", 0o755), ("venv/bin/uv", 0o755), ("path/uv", 0o755), ("plain/uv", 0o644)] {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "#!/bin/sh\n".write(to: url, atomically: true, encoding: .utf8)
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
        try manager.createDirectory(at: root.appendingPathComponent("folder/uv"), withIntermediateDirectories: true)
        return root
    }

    @Test func theVariableWinsThenTheInterpretersFolderThenPath() throws {
        let root = try Self.layout()
        defer { try? FileManager.default.removeItem(at: root) }
        let python = root.appendingPathComponent("venv/bin/python").path
        let path = ["plain", "folder", "path"].map { root.appendingPathComponent($0).path }.joined(separator: ":")
        // $NBSHIP_UV as given, even when it does not exist (LockCommand then names it).
        #expect(LockCommand.locateUV(besideInterpreter: python, environment: ["NBSHIP_UV": "/nowhere/uv", "PATH": path]) == "/nowhere/uv")
        #expect(LockCommand.locateUV(besideInterpreter: python, environment: ["NBSHIP_UV": "", "PATH": path])
            == root.appendingPathComponent("venv/bin/uv").path)
        // Not beside a bare name; on PATH the non-executable file and the folder are skipped.
        #expect(LockCommand.locateUV(besideInterpreter: "python3", environment: ["PATH": path]) == root.appendingPathComponent("path/uv").path)
        #expect(LockCommand.locateUV(besideInterpreter: nil, environment: ["PATH": root.appendingPathComponent("plain").path]) == nil)
    }
}
