import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Requirements

@Suite("a real Python environment")
struct PythonEnvironmentTests {
    /// Runs the test interpreter and returns its stdout, or `nil` when that fails.
    static func ask(_ code: String) -> String? {
        guard let result = try? ProcessRunner.run(["/usr/bin/env", TestPaths.python, "-c", code], environment: [:]),
              result.status == 0 else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
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
            return diagnostic?.id == "requirements.python-not-found" && diagnostic?.message.contains("not found") == true
        }
    }

    @Test("a program that is not Python is named as such", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/false")))
    func failingInterpreter() {
        #expect {
            try PythonEnvironment(interpreter: "/bin/false").inspect(EnvironmentQuery(distributions: ["x"], modules: []))
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostic
            return diagnostic?.id == "requirements.not-python"
                && diagnostic?.message == "'/bin/false' is not a python interpreter: it exited with status 1"
                && diagnostic?.notes == ["choose the interpreter with --python PATH"]
        }
    }

    @Test("a real Python whose environment cannot be read keeps the environment failure", .enabled(if: PythonInterpreterTests.testPython != nil))
    func brokenEnvironment() throws {
        let python = try #require(PythonInterpreterTests.testPython)
        let folder = try PythonInterpreterTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Answers the version question like Python, fails the metadata script.
        let wrapper = folder.appendingPathComponent("python")
        try PythonInterpreterTests.script("if [ $# -gt 2 ]; then echo 'ImportError: broken site-packages' >&2; exit 1; fi\nexec '\(python.executable)' \"$@\"", at: wrapper)
        #expect {
            try PythonEnvironment(interpreter: wrapper.path).inspect(EnvironmentQuery(distributions: ["x"], modules: []))
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostic
            return diagnostic?.id == "requirements.environment-failed"
                && diagnostic?.message == "cannot read installed versions: '\(wrapper.path)' failed: ImportError: broken site-packages"
        }
    }

    @Test("the default interpreter follows VIRTUAL_ENV")
    func defaultInterpreter() {
        #expect(PythonEnvironment.defaultInterpreter(environment: ["VIRTUAL_ENV": "/tmp/venv"]) == "/tmp/venv/bin/python")
        #expect(PythonEnvironment.defaultInterpreter(environment: [:]) == "python3")
    }
}
