import Foundation
import TestSupport
import Testing
@testable import Requirements

@Suite("standard library per Python version")
struct StandardLibraryTests {
    @Test("documented differences between versions", arguments: [
        ("tomllib", [false, false, false, true, true, true]),
        ("distutils", [true, true, true, true, false, false]),
        ("imp", [true, true, true, true, false, false]),
        ("asyncore", [true, true, true, true, false, false]),
        ("asynchat", [true, true, true, true, false, false]),
        ("smtpd", [true, true, true, true, false, false]),
        ("cgi", [true, true, true, true, true, false]),
        ("telnetlib", [true, true, true, true, true, false]),
        ("lib2to3", [true, true, true, true, true, false]),
        ("audioop", [true, true, true, true, true, false]),
        ("msilib", [true, true, true, true, true, false]),
        ("zoneinfo", [false, true, true, true, true, true]),
        ("graphlib", [false, true, true, true, true, true]),
        ("dummy_threading", [true, false, false, false, false, false]),
        ("parser", [true, true, false, false, false, false]),
        ("formatter", [true, true, false, false, false, false]),
        ("binhex", [true, true, true, false, false, false]),
        ("os", [true, true, true, true, true, true]),
        ("json", [true, true, true, true, true, true]),
        ("numpy", [false, false, false, false, false, false]),
    ])
    func differences(module: String, present: [Bool]) {
        for (version, expected) in zip(PythonVersion.supported, present) {
            #expect(Fixtures.standardLibrary.contains(module, in: version) == expected, "\(module) in \(version)")
        }
    }

    @Test("submodules count by their top-level name")
    func submodules() {
        #expect(Fixtures.standardLibrary.contains("os.path", in: Fixtures.py311))
        #expect(Fixtures.standardLibrary.contains("xml.etree.ElementTree", in: Fixtures.py311))
        #expect(!Fixtures.standardLibrary.contains("osx.path", in: Fixtures.py311))
    }

    /// Runs an interpreter and returns its `sys.stdlib_module_names` and `major.minor`.
    static func realNames(_ python: String) -> (version: PythonVersion, names: [String])? {
        let script = "import sys; print('%d.%d' % sys.version_info[:2]); print('\\n'.join(sorted(sys.stdlib_module_names)))"
        guard let result = try? ProcessRunner.run(["/usr/bin/env", python, "-c", script], environment: [:]),
              result.status == 0 else { return nil }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard let first = lines.first, let version = PythonVersion(first) else { return nil }
        return (version, Array(lines.dropFirst()))
    }

    static let testPython = realNames(TestPaths.python)

    @Test("the 3.11 list equals the test interpreter's sys.stdlib_module_names", .enabled(if: testPython?.version == PythonVersion(3, 11)))
    func matchesRealInterpreter() throws {
        let real = try #require(Self.testPython)
        #expect(Fixtures.standardLibrary.names(in: real.version) == real.names)
    }

    /// Interpreters of other versions: `python3.X` on PATH, or pyenv's installs
    /// (`$PYENV_ROOT/versions/3.X.Y/bin/python3`); only 3.10+ have `sys.stdlib_module_names`.
    static let otherInterpreters: [String] = {
        var candidates = (10...13).map { "python3.\($0)" }
        let root = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: root + "/versions") {
            candidates += versions.sorted().map { root + "/versions/" + $0 + "/bin/python3" }
        }
        var seen: Set<PythonVersion> = []
        return candidates.filter { python in
            guard let real = realNames(python), real.version != testPython?.version else { return false }
            return seen.insert(real.version).inserted
        }
    }()

    @Test("each list equals a real interpreter's where one is installed", .enabled(if: !otherInterpreters.isEmpty), arguments: otherInterpreters)
    func matchesOtherInterpreters(python: String) throws {
        let real = try #require(Self.realNames(python))
        #expect(Fixtures.standardLibrary.names(in: real.version) == real.names, "\(python)")
    }

    @Test("a module removed from the standard library is reported, not required")
    func removedModule() throws {
        let result = Fixtures.resolver(FakeEnvironment()).resolve(RequirementsInput(
            imports: [ImportedModule("imp", at: Fixtures.cell(1)), ImportedModule("tomllib", at: Fixtures.cell(1))],
            pythonVersion: PythonVersion(3, 12)
        ))
        let removed = try #require(result.diagnostics(withID: "requirements.not-in-stdlib").first)
        #expect(removed.message == "'imp' is not in the standard library of python 3.12: it was removed in python 3.12")
        #expect(result.requirements.isEmpty)
        let tomllib = Fixtures.resolver(FakeEnvironment()).resolve(RequirementsInput(imports: [ImportedModule("tomllib")], pythonVersion: PythonVersion(3, 10)))
        #expect(tomllib.diagnostics(withID: "requirements.not-in-stdlib").first?.message == "'tomllib' is not in the standard library of python 3.10: it is new in python 3.11")
    }

    @Test("distutils is the standard library up to 3.11 and setuptools from 3.12")
    func distutils() {
        let environment = FakeEnvironment(versions: ["setuptools": "69.0.3"])
        let old = Fixtures.resolver(environment).resolve(RequirementsInput(imports: [ImportedModule("distutils.core")], pythonVersion: Fixtures.py311))
        #expect(old.requirements.isEmpty)
        #expect(old.imports.first?.resolution == .standardLibrary)
        let new = Fixtures.resolver(environment).resolve(RequirementsInput(imports: [ImportedModule("distutils.core")], pythonVersion: PythonVersion(3, 12)))
        #expect(new.requirements.map(\.line) == ["setuptools==69.0.3"])
    }
}
