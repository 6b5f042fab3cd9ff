import Foundation

/// Locations the tests read from, found relative to this file (never copied into the repo).
enum Paths {
    /// The package root.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PythonSyntaxTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let corpusNotebooks = packageRoot.appendingPathComponent("../shared/corpus/notebooks").standardizedFileURL
    static let pythonFixtures = packageRoot.appendingPathComponent("fixtures/python")
    static let oracle = packageRoot.appendingPathComponent("Tests/Oracle/cpython_facts.py")
}
