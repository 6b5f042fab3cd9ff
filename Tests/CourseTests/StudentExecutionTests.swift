import Course
import Foundation
import TestSupport
import Testing

/// Runs the notebooks' code with real Python: the solution's asserts (hidden tests included)
/// pass; in the student version the stubs raise NotImplementedError and the rest runs.
@Suite(.enabled(if: TestPython.canImport([])))
struct StudentExecutionTests {
    struct Outcome: Decodable, Equatable {
        var cells: [String?]
        var calls: [String: String]
    }

    static func run(_ notebookText: String, calling names: [String]) throws -> Outcome {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notebook.ipynb")
        try notebookText.write(to: path, atomically: true, encoding: .utf8)
        let script = PackagePaths.fixture("course/run_cells.py").path
        let result = try ProcessRunner.run(["/usr/bin/env", TestPython.interpreter, script, path.path] + names)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
    }

    @Test func solutionNotebookRunsAndItsAssertsPass() throws {
        let text = try String(contentsOf: PackagePaths.fixture("course/solution.ipynb"), encoding: .utf8)
        let outcome = try Self.run(text, calling: ["mean", "std", "double"])
        #expect(outcome.cells == Array(repeating: nil, count: 8))
        #expect(outcome.calls == ["mean": "ok", "std": "ok", "double": "ok"])
    }

    @Test func studentNotebookStubsRaiseNotImplementedError() throws {
        let student = try StudentVersion().make(
            from: Array(try Data(contentsOf: PackagePaths.fixture("course/solution.ipynb"))), path: "solution.ipynb")
        let outcome = try Self.run(student.text, calling: ["mean", "std", "double", "clamp"])
        // Code cells: setup, mean, std, threshold (top-level stub), double, helper,
        // tests of mean/std (call the stubs), tests of the rest (THRESHOLD never defined).
        #expect(outcome.cells == [nil, nil, nil, "NotImplementedError", nil, nil, "NotImplementedError", "NameError"])
        #expect(outcome.calls["mean"] == "NotImplementedError")
        #expect(outcome.calls["std"] == "NotImplementedError")
        #expect(outcome.calls["double"] == "NotImplementedError")
        // clamp takes three arguments; called with one it fails with TypeError, not a stub's error.
        #expect(outcome.calls["clamp"] == "TypeError")
    }
}
