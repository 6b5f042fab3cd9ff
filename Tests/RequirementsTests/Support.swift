import Diagnostics
import Foundation
import TestSupport
@testable import Requirements

/// Paths the tests need, found from this file's location (never copied into the repo).
enum TestPaths {
    /// The package root.
    static let packageRoot: URL = PackagePaths.root
    /// The shared corpus next to the package (`../shared/corpus`).
    static let corpus = PackagePaths.corpus
    /// The notebook folder fixture with local modules.
    static let notebookDirectory = PackagePaths.fixture("requirements/notebook-dir").path

    /// The Python the tests use: `NBSHIP_TEST_PYTHON`, else `python3`.
    static var python: String { TestPython.interpreter }
}

/// A deterministic environment: fixed versions and providers, counting how often it is asked.
final class FakeEnvironment: DistributionEnvironment, @unchecked Sendable {
    let snapshot: EnvironmentSnapshot
    let failure: DiagnosticError?
    private let lock = NSLock()
    private var _queries: [EnvironmentQuery] = []

    init(versions: [String: String] = [:], providers: [String: [String]] = [:], python: PythonVersion? = PythonVersion(3, 11), failure: DiagnosticError? = nil) {
        snapshot = EnvironmentSnapshot(pythonVersion: python, versions: versions, providers: providers)
        self.failure = failure
    }

    var queries: [EnvironmentQuery] {
        lock.lock()
        defer { lock.unlock() }
        return _queries
    }

    func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        lock.lock()
        _queries.append(query)
        lock.unlock()
        if let failure { throw failure }
        // Answer only what was asked, as a real environment does.
        // Versions of the providers it reports come along, as PythonEnvironment's script does.
        let providers = snapshot.providers.filter { query.modules.contains($0.key) }
        let normalised = Set(query.distributions.map(DistributionName.normalize) + providers.values.flatMap { $0 })
        return EnvironmentSnapshot(
            pythonVersion: snapshot.pythonVersion,
            versions: snapshot.versions.filter { normalised.contains($0.key) },
            providers: providers
        )
    }
}

/// Shared fixtures.
enum Fixtures {
    static let importMap: ImportMap = {
        do { return try ImportMap.bundled() } catch { fatalError("bundled import map: \(error)") }
    }()

    static let standardLibrary: StandardLibrary = {
        do { return try StandardLibrary.bundled() } catch { fatalError("bundled stdlib list: \(error)") }
    }()

    static func resolver(_ environment: any DistributionEnvironment) -> RequirementsResolver {
        RequirementsResolver(importMap: importMap, standardLibrary: standardLibrary, environment: environment)
    }

    static let py311 = PythonVersion(3, 11)

    static func cell(_ index: Int, line: Int = 1) -> SourceLocation {
        SourceLocation(path: "analysis.ipynb", cell: index, line: line, column: 1)
    }
}
