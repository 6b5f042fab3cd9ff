import Foundation
import TestSupport

/// Locations the tests read from, found relative to the package (never copied into the repo).
enum Paths {
    static let corpusNotebooks = PackagePaths.corpus.appendingPathComponent("notebooks")
    static let pythonFixtures = PackagePaths.fixture("python")
    static let oracle = PackagePaths.root.appendingPathComponent("Tests/Oracle/cpython_facts.py")
}
