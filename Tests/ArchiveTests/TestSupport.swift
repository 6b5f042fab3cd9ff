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
