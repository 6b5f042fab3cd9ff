import Foundation
import TestSupport

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    try PackagePaths.temporaryDirectory(prefix: "nbship-archive")
}

/// Runs python with `arguments` and returns its stdout; fails on a non-zero exit.
func runPython(_ arguments: [String]) throws -> String {
    let result = try TestPython.run(arguments, environment: [:])
    struct Failed: Error { var status: Int32 }
    guard result.status == 0 else { throw Failed(status: result.status) }
    return result.stdout
}

/// The directory of the Archive tests.
func testSourceDirectory() -> URL {
    PackagePaths.root.appendingPathComponent("Tests/ArchiveTests")
}

/// Runs `gzip_oracle.py` on `blob` (see the script) and returns the diff_id it prints.
func runOracle(_ blob: URL, _ oracle: URL, level: Int, chunkSize: Int, dictionarySize: Int = 32768) throws -> String {
    let script = testSourceDirectory().appendingPathComponent("gzip_oracle.py").path
    return try runPython([script, blob.path, oracle.path, String(level), String(chunkSize), String(dictionarySize)])
        .trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Whether `tool` is on PATH.
func hasTool(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
}

/// Runs a shell command line (`sh -c`) with `arguments` as `$0`, `$1`, …; returns its status.
func shell(_ script: String, _ arguments: [String]) throws -> ProcessRunner.Result {
    try ProcessRunner.run(["/bin/sh", "-c", script] + arguments)
}
