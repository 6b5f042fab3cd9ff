import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Requirements

@Suite("choosing and checking the --python interpreter")
struct PythonInterpreterTests {
    /// The test interpreter's real executable and `major.minor.micro`, asked independently.
    static let testPython: (executable: String, release: String)? = {
        guard let answer = PythonEnvironmentTests.ask("import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])") else { return nil }
        let lines = answer.split(separator: "\n").map(String.init)
        return lines.count == 2 ? (lines[0], lines[1]) : nil
    }()

    /// A fresh folder, removed by the caller.
    static func scratch() throws -> URL {
        try PackagePaths.temporaryDirectory(prefix: "nbship-python")
    }

    /// Writes an executable shell script.
    static func script(_ text: String, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ("#!/bin/sh\n" + text + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// The diagnostic a check throws, or `nil` when it succeeds or throws something else.
    static func failure(_ interpreter: PythonInterpreter, environment: [String: String] = ["PATH": "/usr/bin:/bin"]) -> Diagnostic? {
        do {
            _ = try interpreter.check(environment: environment)
            return nil
        } catch {
            return error.diagnostic
        }
    }

    @Test("--python wins, else $VIRTUAL_ENV's python, else python3 on PATH")
    func selection() {
        #expect(PythonInterpreter.selected(option: "/opt/py/bin/python3.11", environment: ["VIRTUAL_ENV": "/tmp/venv"])
            == PythonInterpreter(command: "/opt/py/bin/python3.11", origin: .option))
        #expect(PythonInterpreter.selected(option: nil, environment: ["VIRTUAL_ENV": "/tmp/venv"])
            == PythonInterpreter(command: "/tmp/venv/bin/python", origin: .virtualEnvironment))
        #expect(PythonInterpreter.selected(option: nil, environment: ["VIRTUAL_ENV": "/tmp/venv/"]).command == "/tmp/venv/bin/python")
        #expect(PythonInterpreter.selected(option: nil, environment: ["VIRTUAL_ENV": ""]) == PythonInterpreter(command: "python3", origin: .searchPath))
        #expect(PythonInterpreter.selected(option: nil, environment: ["PATH": "/usr/bin"]) == PythonInterpreter(command: "python3", origin: .searchPath))
        #expect(PythonEnvironment.defaultInterpreter(environment: ["VIRTUAL_ENV": "/tmp/venv"]) == "/tmp/venv/bin/python")
    }

    @Test("a real interpreter reports its executable and version", .enabled(if: testPython != nil))
    func checksRealPython() throws {
        let expected = try #require(Self.testPython)
        let checked = try PythonInterpreter(command: expected.executable, origin: .option).check()
        #expect(checked.executable == URL(fileURLWithPath: expected.executable).standardizedFileURL.path)
        #expect(checked.release == expected.release)
        #expect(checked.version == PythonVersion(expected.release))
        #expect(checked.environment().interpreter == checked.executable)
    }

    @Test("an active virtual environment's bin/python is found and used", .enabled(if: testPython != nil))
    func virtualEnvironment() throws {
        let expected = try #require(Self.testPython)
        let venv = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: venv) }
        try FileManager.default.createDirectory(at: venv.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: venv.appendingPathComponent("bin/python").path, withDestinationPath: expected.executable)
        let environment = ["VIRTUAL_ENV": venv.path, "PATH": "/nonexistent"]
        let chosen = PythonInterpreter.selected(option: nil, environment: environment)
        #expect(chosen.origin == .virtualEnvironment)
        let checked = try chosen.check(environment: environment)
        #expect(checked.executable == venv.appendingPathComponent("bin/python").path)
        #expect(checked.release == expected.release)
    }

    @Test("python3 is looked up on the given PATH only")
    func searchPath() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.script("echo 'nbship-python 3.12.4'", at: folder.appendingPathComponent("bin/python3"))
        let chosen = PythonInterpreter.selected(option: nil, environment: [:])
        let checked = try chosen.check(environment: ["PATH": "/nonexistent:" + folder.appendingPathComponent("bin").path])
        #expect(checked.executable == folder.appendingPathComponent("bin/python3").path)
        #expect(checked.version == PythonVersion(3, 12))
        #expect(checked.release == "3.12.4")

        let missing = try #require(Self.failure(chosen, environment: ["PATH": folder.path]))
        #expect(missing.id == "requirements.python-not-found")
        #expect(missing.message == "python interpreter 'python3' not found on PATH")
        #expect(missing.notes.contains { $0.contains("--python PATH") })
    }

    @Test("a --python that does not exist names the path and the option")
    func optionNotFound() throws {
        let diagnostic = try #require(Self.failure(PythonInterpreter(command: "/nonexistent/bin/python-nbship", origin: .option)))
        #expect(DiagnosticRenderer(colour: false).render(diagnostic) == """
        error: python interpreter '/nonexistent/bin/python-nbship' not found [requirements.python-not-found]
          note: chosen with --python
          note: --python takes the path of an interpreter, or a name on PATH
        """)
        // The environment the resolver uses reports the same id.
        #expect {
            try PythonEnvironment(interpreter: "/nonexistent/bin/python-nbship").inspect(EnvironmentQuery(distributions: ["x"], modules: []))
        } throws: { error in
            (error as? DiagnosticError)?.diagnostic.id == "requirements.python-not-found"
        }
    }

    @Test("a virtual environment without bin/python says so and names VIRTUAL_ENV")
    func brokenVirtualEnvironment() throws {
        let venv = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: venv) }
        let environment = ["VIRTUAL_ENV": venv.path]
        let diagnostic = try #require(Self.failure(PythonInterpreter.selected(option: nil, environment: environment), environment: environment))
        #expect(diagnostic.id == "requirements.python-not-found")
        #expect(diagnostic.message == "python interpreter '\(venv.path)/bin/python' not found")
        #expect(diagnostic.notes.contains { $0.contains("$VIRTUAL_ENV") })
        #expect(diagnostic.notes.contains { $0.contains("unset VIRTUAL_ENV") })
    }

    @Test("a folder given as --python suggests its bin/python")
    func directoryGiven() throws {
        let venv = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: venv) }
        try Self.script("echo 'nbship-python 3.11.9'", at: venv.appendingPathComponent("bin/python"))
        let diagnostic = try #require(Self.failure(PythonInterpreter(command: venv.path, origin: .option)))
        #expect(diagnostic.id == "requirements.python-not-found")
        #expect(diagnostic.message == "python interpreter '\(venv.path)' is a directory, not an executable")
        #expect(diagnostic.notes.contains("did you mean --python \(venv.path)/bin/python?"))
    }

    @Test("a file that is not executable is not found")
    func notExecutable() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("python")
        try "print(1)\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(Self.failure(PythonInterpreter(command: file.path, origin: .option))?.id == "requirements.python-not-found")
    }

    @Test("programs that are not Python are refused", arguments: [
        ("exit 3", "it exited with status 3"),
        ("echo 'boom' >&2; exit 1", "it failed: boom"),
        ("echo \"$@\"", "it did not answer like one"),
        ("echo 'nbship-python three'", "it did not answer like one"),
    ])
    func notPython(body: String, why: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("fake-python")
        try Self.script(body, at: fake)
        let diagnostic = try #require(Self.failure(PythonInterpreter(command: fake.path, origin: .option)))
        #expect(diagnostic.id == "requirements.not-python")
        #expect(diagnostic.message == "'\(fake.path)' is not a python interpreter: \(why)")
    }

    @Test("python older than 3.8 is refused with its version")
    func tooOld() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("python2")
        try Self.script("echo 'nbship-python 2.7.18'", at: old)
        let diagnostic = try #require(Self.failure(PythonInterpreter(command: old.path, origin: .option)))
        #expect(diagnostic.id == "requirements.python-too-old")
        #expect(diagnostic.message.contains("is python 2.7.18"))
    }
}
