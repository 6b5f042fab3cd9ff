import Foundation
import Testing
@testable import Requirements

@Suite("the curated table against installed metadata")
struct TableAgainstEnvironmentTests {
    /// For every table row whose distribution is installed in the test interpreter, the
    /// installed files must say that this distribution (or a listed equivalent) provides the
    /// import: the table and reality agree wherever both know.
    @Test("installed rows agree with the distributions' own files", .enabled(if: ProbeScriptTests.pythonWorks))
    func agrees() throws {
        // distutils → setuptools is a run-time shim (a .pth hook), not a file of that name.
        let entries = Fixtures.importMap.entries.filter { $0.distribution != nil && Fixtures.standardLibrary.modules[$0.importPrefix] == nil }
        // Rows keyed by a namespace package (no __init__.py) are checked through a module inside it.
        let probeModule = ["mpl_toolkits": "mpl_toolkits.mplot3d"]
        let snapshot = try PythonEnvironment(interpreter: TestPaths.python).inspect(EnvironmentQuery(
            distributions: entries.compactMap(\.distribution),
            modules: entries.map { probeModule[$0.importPrefix] ?? $0.importPrefix }
        ))
        var checked = 0
        for entry in entries {
            guard let distribution = entry.distribution, snapshot.version(of: distribution) != nil else { continue }
            let allowed = Set(([distribution] + entry.equivalents).map(DistributionName.normalize))
            let providers = snapshot.providers[probeModule[entry.importPrefix] ?? entry.importPrefix] ?? []
            #expect(!allowed.isDisjoint(with: providers), "\(entry.importPrefix) → \(distribution), but installed files say \(providers)")
            checked += 1
        }
        // The test venv has pytest, ipython, nbformat, traitlets and their dependencies.
        #expect(checked >= 5)
    }
}
