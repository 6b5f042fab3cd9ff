import Diagnostics
import Foundation
import Testing
@testable import Requirements

@Suite("a real Python environment")
struct PythonEnvironmentTests {
    /// Runs the test interpreter and returns its stdout, or `nil` when that fails.
    static func ask(_ code: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [TestPaths.python, "-c", code]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The versions of pytest and IPython in the test interpreter, asked independently.
    static let installed: (pytest: String, ipython: String)? = {
        guard let text = ask("import importlib.metadata as m; print(m.version('pytest')); print(m.version('ipython'))") else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        return lines.count == 2 ? (lines[0], lines[1]) : nil
    }()

    @Test("versions and providers come from importlib.metadata", .enabled(if: installed != nil))
    func probe() throws {
        let expected = try #require(Self.installed)
        let snapshot = try PythonEnvironment(interpreter: TestPaths.python).inspect(EnvironmentQuery(
            distributions: ["pytest", "IPython", "surely-not-installed-nbship-test"],
            modules: ["_pytest.fixtures", "IPython.display", "pytest", "surely_not_a_module_nbship"]
        ))
        #expect(snapshot.version(of: "pytest") == expected.pytest)
        #expect(snapshot.version(of: "ipython") == expected.ipython)
        #expect(snapshot.version(of: "surely-not-installed-nbship-test") == nil)
        #expect(snapshot.providers["_pytest.fixtures"] == ["pytest"])
        #expect(snapshot.providers["IPython.display"] == ["ipython"])
        #expect(snapshot.providers["surely_not_a_module_nbship"] == nil)
        #expect(snapshot.pythonVersion != nil)
    }

    @Test("resolving against the real environment pins what is installed", .enabled(if: installed != nil))
    func resolveForReal() throws {
        let expected = try #require(Self.installed)
        let environment = PythonEnvironment(interpreter: TestPaths.python)
        let resolver = try RequirementsResolver.bundled(environment: environment)
        let version = try #require(Self.ask("import sys; print('%d.%d' % sys.version_info[:2])").flatMap(PythonVersion.init))
        let result = resolver.resolve(RequirementsInput(
            imports: [ImportedModule("pytest"), ImportedModule("IPython.display"), ImportedModule("os"), ImportedModule("helpers")],
            pythonVersion: version, notebookDirectory: TestPaths.notebookDirectory
        ))
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["ipython==\(expected.ipython)", "pytest==\(expected.pytest)"])
        #expect(result.localModules.map(\.importName) == ["helpers"])
    }

    @Test("files in the current directory do not count as installed", .enabled(if: installed != nil))
    func currentDirectoryIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-req-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A fake distribution's metadata in the working directory would be found if '' stayed on sys.path.
        let info = directory.appendingPathComponent("fakedist_nbship-1.0.dist-info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try "Metadata-Version: 2.1\nName: fakedist-nbship\nVersion: 1.0\n".write(to: info.appendingPathComponent("METADATA"), atomically: true, encoding: .utf8)
        let snapshot = try PythonEnvironment(interpreter: TestPaths.python, workingDirectory: directory.path).inspect(EnvironmentQuery(distributions: ["fakedist-nbship"], modules: []))
        #expect(snapshot.version(of: "fakedist-nbship") == nil)
    }

    @Test("a missing interpreter is a diagnostic, not a crash")
    func missingInterpreter() {
        #expect {
            try PythonEnvironment(interpreter: "/nonexistent/bin/python-nbship").inspect(EnvironmentQuery(distributions: ["x"], modules: []))
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostic
            return diagnostic?.id == "requirements.environment-failed" && diagnostic?.message.contains("not found") == true
        }
    }

    @Test("an interpreter that fails is a diagnostic", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/false")))
    func failingInterpreter() {
        #expect {
            try PythonEnvironment(interpreter: "/bin/false").inspect(EnvironmentQuery(distributions: ["x"], modules: []))
        } throws: { error in
            (error as? DiagnosticError)?.diagnostic.id == "requirements.environment-failed"
        }
    }

    @Test("the default interpreter follows VIRTUAL_ENV")
    func defaultInterpreter() {
        #expect(PythonEnvironment.defaultInterpreter(environment: ["VIRTUAL_ENV": "/tmp/venv"]) == "/tmp/venv/bin/python")
        #expect(PythonEnvironment.defaultInterpreter(environment: [:]) == "python3")
    }
}

@Suite("the probe script on a made-up site-packages")
struct ProbeScriptTests {
    /// Writes a distribution's metadata (and RECORD, when `files` is given) into `site`.
    static func install(_ name: String, version: String, files: [String]?, topLevel: [String] = [], in site: URL) throws {
        let info = site.appendingPathComponent("\(name.replacingOccurrences(of: "-", with: "_"))-\(version).dist-info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try "Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\n".write(to: info.appendingPathComponent("METADATA"), atomically: true, encoding: .utf8)
        if let files {
            let record = (files + ["\(info.lastPathComponent)/METADATA"]).map { "\($0),," }.joined(separator: "\n") + "\n"
            try record.write(to: info.appendingPathComponent("RECORD"), atomically: true, encoding: .utf8)
            for file in files {
                let url = site.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "".write(to: url, atomically: true, encoding: .utf8)
            }
        }
        if !topLevel.isEmpty {
            try (topLevel.joined(separator: "\n") + "\n").write(to: info.appendingPathComponent("top_level.txt"), atomically: true, encoding: .utf8)
        }
    }

    static let pythonWorks = PythonEnvironmentTests.ask("import importlib.metadata") != nil

    @Test("namespace packages, nested modules, extension modules and top_level.txt", .enabled(if: pythonWorks))
    func providers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-probe-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // Two distributions share the 'acme' namespace (no acme/__init__.py).
        try Self.install("acme-one", version: "1.0", files: ["acme/one/__init__.py", "acme/one/core.py"], in: site)
        try Self.install("acme-two", version: "2.0.post1", files: ["acme/two/__init__.py"], in: site)
        // A single-file module, an extension module, and a distribution without RECORD.
        try Self.install("solo-mod", version: "0.1", files: ["solo.py"], in: site)
        try Self.install("fastthing", version: "3.0", files: ["fastthing.cpython-311-x86_64-linux-gnu.so"], in: site)
        try Self.install("legacy-dist", version: "9", files: nil, topLevel: ["legacy"], in: site)
        // A wrapper puts the made-up site first on sys.path for the real interpreter.
        let wrapper = root.appendingPathComponent("python")
        try "#!/bin/sh\nPYTHONPATH='\(site.path)' exec '\(TestPaths.python)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)

        let snapshot = try PythonEnvironment(interpreter: wrapper.path).inspect(EnvironmentQuery(
            distributions: ["acme_one"],
            modules: ["acme.one.core", "acme.two", "acme.three", "acme", "solo", "fastthing", "legacy.sub", "solo_not"]
        ))
        #expect(snapshot.providers["acme.one.core"] == ["acme-one"])
        #expect(snapshot.providers["acme.two"] == ["acme-two"])
        // A namespace is nobody's module: never guessed from a sibling.
        #expect(snapshot.providers["acme.three"] == nil)
        #expect(snapshot.providers["acme"] == nil)
        #expect(snapshot.providers["solo"] == ["solo-mod"])
        #expect(snapshot.providers["fastthing"] == ["fastthing"])
        #expect(snapshot.providers["legacy.sub"] == ["legacy-dist"])
        #expect(snapshot.providers["solo_not"] == nil)
        // Versions of what was asked, and of every provider reported.
        #expect(snapshot.version(of: "acme-one") == "1.0")
        #expect(snapshot.version(of: "acme-two") == "2.0.post1")
        #expect(snapshot.version(of: "legacy-dist") == "9")

        // And the resolver on top: the namespace sibling is an unknown import, not a guess.
        let result = Fixtures.resolver(PythonEnvironment(interpreter: wrapper.path)).resolve(RequirementsInput(
            imports: [ImportedModule("acme.one.core"), ImportedModule("acme.three")], pythonVersion: PythonVersion(3, 11)
        ))
        #expect(result.requirements.map(\.line) == ["acme-one==1.0"])
        #expect(result.diagnostics(withID: "requirements.unknown-import").map(\.message) == [
            "cannot tell which distribution provides 'acme.three': it is not in nbship's import table and not installed",
        ])
    }
}

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
