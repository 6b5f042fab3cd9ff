import Foundation
import TestSupport
import Testing
@testable import Requirements

/// The environment read from disk against the real interpreter's `importlib.metadata`:
/// every distribution (path, name, version, top-level modules, in `distributions()` order),
/// and the resolver's whole answer (versions and providers) against the probe script's.
@Suite("the environment read from disk agrees with importlib.metadata")
struct InstalledEnvironmentDifferentialTests {
    static let corpusPython: String? = ProcessInfo.processInfo.environment["NBSHIP_CORPUS_PYTHON"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }

    /// Reads `python`'s environment from disk; fails the test when the layout is not recognised.
    static func readFromDisk(_ python: String, environment: [String: String] = [:], in directory: URL) throws -> InstalledEnvironment {
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        switch EnvironmentReading.of(executable: python, environment: merged, workingDirectory: directory.path) {
        case .disk(let installed):
            return installed
        case .interpreter(let reason):
            Issue.record("\(python) was not read from disk: \(reason)")
            throw reason
        }
    }

    /// Compares everything for one interpreter; returns the reading for further checks.
    @discardableResult
    static func compare(_ python: String) throws -> InstalledEnvironment {
        let directory = FileManager.default.temporaryDirectory
        let installed = try readFromDisk(python, in: directory)
        let oracle = try MetadataOracle.ask(python, in: directory)
        // setuptools' editable namespace finder appends a placeholder that is not a folder.
        #expect(installed.searchPath.entries == oracle.searchPath.filter { !$0.hasSuffix(".__path_hook__") })
        let mine = MetadataOracle.entries(installed)
        #expect(mine.count == oracle.distributions.count)
        for (index, expected) in oracle.distributions.enumerated() {
            #expect(index < mine.count && mine[index] == expected, "importlib: \(expected)\nnbship:   \(index < mine.count ? mine[index].description : "nothing")")
        }
        // The resolver's answers: providers and versions, against the probe script.
        let query = MetadataOracle.query(for: installed)
        let script = try PythonEnvironment(interpreter: python, workingDirectory: directory.path, readsFromDisk: false).inspect(query)
        let disk = try installed.inspect(query)
        #expect(disk.pythonVersion == script.pythonVersion)
        #expect(disk.versions == script.versions)
        for module in query.modules {
            #expect(disk.providers[module] == script.providers[module], "providers of \(module)")
        }
        #expect(!script.providers.isEmpty, "the query asks for modules that are installed")
        return installed
    }

    @Test("the corpus environment (.venv-corpus)", .enabled(if: corpusPython != nil))
    func corpus() throws {
        let installed = try Self.compare(try #require(Self.corpusPython))
        #expect(installed.distributions.all.count > 50)
        #expect(installed.distributions.all.contains { $0.normalizedName == "scikit-learn" })
    }

    @Test("a venv with editable, namespace and egg-info installs", .enabled(if: MadeEnvironment.available))
    func made() throws {
        let installed = try Self.compare(try MadeEnvironment.python())
        let names = Set(installed.distributions.all.map(\.normalizedName))
        for name in ["ed-src", "ed-mapped", "nsroot-a", "nsroot-b", "legacy-thing", "oldstyle"] {
            #expect(names.contains(name), "\(name) is installed")
        }
        // The .pth files were followed: the src folder and the develop-style project.
        #expect(installed.searchPath.entries.contains { $0.hasSuffix("/projects/ed-src/src") })
        #expect(installed.searchPath.entries.contains { $0.hasSuffix("/projects/legacy") })
        #expect(!installed.searchPath.entries.contains { $0.hasSuffix("/missing-folder") })
        let snapshot = try installed.inspect(EnvironmentQuery(distributions: ["Ed_Mapped"], modules: ["nsroot.a", "nsroot.b", "nsroot.c", "legacymod", "oldstyle"]))
        #expect(snapshot.version(of: "ed-mapped") == "2.0")
        #expect(snapshot.providers["nsroot.a"] == ["nsroot-a"])
        #expect(snapshot.providers["nsroot.c"] == nil)
        #expect(snapshot.providers["legacymod"] == ["legacy-thing"])
    }

    @Test("an unknown import line in a .pth file makes nbship start python, with the same answer", .enabled(if: MadeEnvironment.available))
    func unknownHookFallsBack() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-pth")
        defer { try? FileManager.default.removeItem(at: root) }
        let venv = root.appendingPathComponent("venv")
        let made = try ProcessRunner.run(TestPython.commandLine + ["-m", "venv", "--without-pip", venv.path])
        try #require(made.status == 0, "\(made.stderr)")
        let extra = root.appendingPathComponent("extra")
        let info = extra.appendingPathComponent("hooked_dist-4.2.dist-info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try "Metadata-Version: 2.1\nName: hooked-dist\nVersion: 4.2\n".write(to: info.appendingPathComponent("METADATA"), atomically: true, encoding: .utf8)
        let pth = try MadeEnvironment.sitePackages(venv).appendingPathComponent("hook.pth")
        try "import sys; sys.path.append('\(extra.path)')\n".write(to: pth, atomically: true, encoding: .utf8)
        let python = venv.appendingPathComponent("bin/python").path
        let environment = PythonEnvironment(interpreter: python, workingDirectory: root.path)
        guard case .interpreter(let reason) = environment.reading() else {
            Issue.record("a .pth import line nbship does not know must not be read from disk")
            return
        }
        #expect(reason.reason == "'\(pth.path)' line 1 runs code nbship does not know (an import line)")
        #expect(try environment.inspect(EnvironmentQuery(distributions: ["hooked-dist"], modules: [])).version(of: "hooked-dist") == "4.2")
    }
}
