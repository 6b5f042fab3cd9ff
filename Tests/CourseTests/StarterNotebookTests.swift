import Course
import Diagnostics
import Emit
import Foundation
import TestSupport
import Testing

/// A project that holds a notebook (convert's notebooks/explore.ipynb): the starter project
/// gives it its student version, and leaks are looked for cell by cell.
@Suite struct StarterNotebookTests {
    static func explore(_ cells: [(type: String, source: String, nbgrader: [String: Any]?)]) throws -> GeneratedFile {
        GeneratedFile(path: "notebooks/explore.ipynb", contents: String(decoding: try CourseTestSupport.notebook(cells), as: UTF8.self))
    }

    @Test func notebookInAProjectGetsItsStudentVersion() throws {
        let notebook = try Self.explore([
            (type: "code", source: "import pandas as pd", nbgrader: nil),
            (type: "code", source: "frame = pd.DataFrame({\"a\": [1, 2]})\n### BEGIN SOLUTION\nframe.plot(kind=\"bar\")\n### END SOLUTION", nbgrader: nil),
        ])
        let module = GeneratedFile(path: "src/p/m.py", contents: "def f():\n    return 1\n")
        let starter = try StarterProject.make(from: [module, notebook])
        #expect(starter.changed == ["notebooks/explore.ipynb"])
        let written = try #require(starter.files.first { $0.path == "notebooks/explore.ipynb" })
        // Still a notebook (valid JSON, same cells), with the region stubbed in its cell.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(written.contents.utf8)) as? [String: Any])
        let cells = try #require(root["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        #expect((cells[1]["source"] as? [String])?.joined() == "frame = pd.DataFrame({\"a\": [1, 2]})\n# YOUR CODE HERE\nraise NotImplementedError()")
        #expect(starter.secrets.map(\.text) == ["frame.plot(kind=\"bar\")"])
        #expect(starter.files.first { $0.path == "src/p/m.py" } == module)
    }

    @Test func notebookWithoutMarkersIsKeptByteForByte() throws {
        let notebook = try Self.explore([(type: "code", source: "print(1)", nbgrader: nil)])
        let starter = try StarterProject.make(from: [notebook])
        #expect(starter.changed.isEmpty)
        #expect(starter.files == [notebook])
    }

    @Test func leakInANotebookCellIsLocatedAtTheCell() throws {
        let secret = SecretLine(text: "model.fit(X_train, y_train)", cell: 9, line: 2, origin: .solution)
        let check = LeakCheck(secrets: [secret], visible: [])
        let notebook = try Self.explore([
            (type: "markdown", source: "# Explore", nbgrader: nil),
            (type: "code", source: "print(model)\nmodel.fit(X_train, y_train)", nbgrader: nil),
        ])
        let readme = GeneratedFile(path: "README.md", contents: "# p\n\nRun `model.fit(X_train, y_train)` first.\n")
        let leaks = check.leaks(in: [notebook, readme])
        #expect(leaks.map { $0.location?.rendered } == ["notebooks/explore.ipynb:cell_1:2:1", "README.md:3:1"])
        let error = try #require(LeakCheck.error(for: leaks))
        #expect(error.diagnostic.notes == [
            "it is line 2 of cell 9 in the solution: model.fit(X_train, y_train)",
            "1 more leaking line(s): README.md:3:1",
        ])
        #expect(LeakCheck.error(for: []) == nil)
    }

    @Test func notebookLeakIsCaughtByTheStarterProject() throws {
        let notebook = try Self.explore([(type: "code", source: "x = compute_the_answer(42)", nbgrader: nil)])
        let module = GeneratedFile(path: "src/p/m.py", contents: "def f():\n    ### BEGIN SOLUTION\n    x = compute_the_answer(42)\n    ### END SOLUTION\n    return x\n")
        let error = #expect(throws: DiagnosticError.self) {
            try StarterProject.make(from: [module, notebook])
        }
        #expect(error?.diagnostic.id == "course.leak")
        #expect(error?.diagnostic.location?.rendered == "notebooks/explore.ipynb:cell_0:1:1")
    }
}
