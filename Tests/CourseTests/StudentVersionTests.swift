@testable import Course
import Diagnostics
import Foundation
import Notebook
import TestSupport
import Testing

/// The student version of fixtures/course/solution.ipynb: golden file, Jupyter's format,
/// and what each transformation kept or removed.
@Suite struct StudentVersionTests {
    static func solutionBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: PackagePaths.fixture("course/solution.ipynb")))
    }

    static func student() throws -> StudentNotebook {
        try StudentVersion().make(from: solutionBytes(), path: "fixtures/course/solution.ipynb")
    }

    /// Re-record on purpose with `NBSHIP_RECORD_GOLDEN=1 swift test --filter CourseTests`.
    @Test func studentNotebookMatchesGoldenFile() throws {
        let student = try Self.student()
        let golden = GoldenFile(PackagePaths.fixture("course/student.golden.ipynb"))
        let expected = try golden.expected(for: student.text)
        #expect(student.text == expected, "student notebook changed; re-record on purpose with NBSHIP_RECORD_GOLDEN=1")
    }

    @Test func reportsWhichCellsChanged() throws {
        let student = try Self.student()
        #expect(student.solutionCells == [2, 3, 4, 5, 10, 11])
        #expect(student.hiddenTestCells == [7])
        #expect(student.secrets.contains(SecretLine(text: "total = sum(values)", cell: 2, line: 4, origin: .solution)))
        #expect(student.secrets.contains(SecretLine(text: "assert mean([10]) == 10", cell: 7, line: 4, origin: .hiddenTests)))
        #expect(student.secrets.contains(SecretLine(text: "return x * 2", cell: 5, line: 2, origin: .solution)))
    }

    @Test func solutionRegionsBecomeStubsAtTheirIndentation() throws {
        let cells = try Self.cells(of: Self.student().text)
        #expect(cells[2] == "def mean(values):\n    \"\"\"Return the arithmetic mean of values.\"\"\"\n    # YOUR CODE HERE\n    raise NotImplementedError()\n")
        #expect(cells[4] == "# YOUR CODE HERE\nraise NotImplementedError()\nprint(\"threshold ready\")")
        #expect(cells[5] == "def double(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()")
        #expect(cells[7] == "assert mean([1, 2, 3]) == 2\nassert math.isclose(std(DATA), 2.0)")
        #expect(cells[10] == "YOUR ANSWER HERE")
        #expect(cells[11] == "Explain the standard deviation in one sentence:\n\nYOUR ANSWER HERE")
        // Untouched cells keep their source exactly.
        let solution = try Self.cells(of: String(decoding: Self.solutionBytes(), as: UTF8.self))
        for index in [0, 1, 6, 8, 9, 12] {
            #expect(cells[index] == solution[index])
        }
    }

    @Test func outputsAndExecutionCountsAreCleared() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.student().text.utf8)) as? [String: Any]
        let cells = try #require(object?["cells"] as? [[String: Any]])
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.count == 8)
        for cell in code {
            #expect((cell["outputs"] as? [Any])?.isEmpty == true)
            #expect(cell["execution_count"] is NSNull)
        }
        // nbgrader metadata stays, so the student notebook can be autograded.
        let grader = (cells[7]["metadata"] as? [String: Any])?["nbgrader"] as? [String: Any]
        #expect(grader?["grade_id"] as? String == "test_stats")
        // Locked cells are read-only; solution cells editable but not deletable; others untouched.
        let metadata = cells.map { $0["metadata"] as? [String: Any] ?? [:] }
        #expect(metadata[7]["editable"] as? Bool == false && metadata[7]["deletable"] as? Bool == false)
        #expect(metadata[2]["editable"] == nil && metadata[2]["deletable"] as? Bool == false)
        #expect(metadata[6].isEmpty && metadata[12].isEmpty)
    }

    /// Everything but the changed sources, outputs and counts is byte-for-byte the input:
    /// reading and re-writing the solution notebook reproduces its bytes exactly.
    @Test func jupyterLayoutRoundTripsByteForByte() throws {
        let bytes = try Self.solutionBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        guard case .success(let tree) = JSONTreeParser.parse(bytes) else {
            Issue.record("the fixture does not parse")
            return
        }
        #expect(JupyterJSON.serialize(tree) == text)
        let plain = try CourseTestSupport.notebook([(type: "code", source: "x = 1\n", nbgrader: nil)])
        let plainStudent = try StudentVersion().make(from: plain, path: "plain.ipynb").text
        #expect(plainStudent.hasSuffix("\n}\n"))
        #expect(plainStudent.contains("\n \"nbformat\": 4,\n"))
        // The student version differs from the solution only in changed lines.
        let student = try Self.student().text
        let changed = Set(student.split(separator: "\n")).subtracting(text.split(separator: "\n"))
        #expect(changed.allSatisfy { line in
            line.contains("YOUR CODE HERE") || line.contains("NotImplementedError") || line.contains("YOUR ANSWER HERE")
                || line.contains("\"execution_count\": null") || line.contains("\"outputs\": []")
                || line.contains("assert math.isclose(std(DATA), 2.0)\"") || line.contains("print(\\\"threshold ready\\\")\"")
                || line.contains("\"deletable\": false") || line.contains("\"editable\": false")
        }, "unexpected changed lines: \(changed.sorted())")
    }

    /// nbformat itself, reading and writing the student notebook, produces the same bytes.
    @Test(.enabled(if: TestPython.canImport("nbformat")))
    func nbformatWritesTheSameBytes() throws {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("student.ipynb")
        let student = try Self.student().text
        try student.write(to: path, atomically: true, encoding: .utf8)
        let script = "import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); nbformat.write(nb, sys.argv[1] + '.out')"
        let result = try ProcessRunner.run(["/usr/bin/env", TestPython.interpreter, "-c", script, path.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rewritten = try String(contentsOf: URL(fileURLWithPath: path.path + ".out"), encoding: .utf8)
        #expect(rewritten == student)
    }

    static func cells(of text: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let cells = try #require(object?["cells"] as? [[String: Any]])
        return cells.map { cell in
            if let lines = cell["source"] as? [String] { return lines.joined() }
            return cell["source"] as? String ?? ""
        }
    }
}
