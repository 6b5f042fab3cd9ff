import Course
import Diagnostics
import Testing

/// Malformed markers and metadata contradictions are located errors, and nothing is produced.
@Suite struct MarkerErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var nbgrader: Bool?
        var id: String
        var location: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "end without begin", source: "x = 1\n### END SOLUTION\n", id: "course.unbalanced-marker", location: "nb.ipynb:cell_1:2:1"),
        Case(name: "never closed", source: "def f():\n    ### BEGIN SOLUTION\n    return 1\n", id: "course.unbalanced-marker", location: "nb.ipynb:cell_1:2:5"),
        Case(name: "nested solution", source: "### BEGIN SOLUTION\nx = 1\n  ### BEGIN SOLUTION\n### END SOLUTION\n### END SOLUTION", id: "course.nested-marker", location: "nb.ipynb:cell_1:3:3"),
        Case(name: "hidden tests inside solution", source: "### BEGIN SOLUTION\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS\n### END SOLUTION", id: "course.nested-marker", location: "nb.ipynb:cell_1:2:1"),
        Case(name: "solution closed by hidden end", source: "### BEGIN SOLUTION\nx = 1\n### END HIDDEN TESTS", id: "course.unbalanced-marker", location: "nb.ipynb:cell_1:3:1"),
        Case(name: "hidden tests never closed", source: "assert True\n### BEGIN HIDDEN TESTS\nassert 1\n", id: "course.unbalanced-marker", location: "nb.ipynb:cell_1:2:1"),
        Case(name: "two regions on one line", source: "x = 1  ### BEGIN SOLUTION ### END SOLUTION ### BEGIN SOLUTION\n", id: "course.marker-misplaced", location: "nb.ipynb:cell_1:1:44"),
        Case(name: "markers in a cell nbgrader says is not a solution", source: "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", nbgrader: false, id: "course.marker-outside-solution-cell", location: "nb.ipynb:cell_1:1:1"),
    ]

    @Test(arguments: cases)
    func malformedMarkersFailLocated(_ testCase: Case) throws {
        let grader: [String: Any]? = testCase.nbgrader.map { ["solution": $0, "grade": false, "locked": false, "grade_id": "c"] }
        let bytes = try CourseTestSupport.notebook([
            (type: "markdown", source: "# Title", nbgrader: nil),
            (type: "code", source: testCase.source, nbgrader: grader),
        ])
        let error = #expect(throws: DiagnosticError.self) {
            try StudentVersion().make(from: bytes, path: "nb.ipynb")
        }
        #expect(error?.diagnostic.id == testCase.id)
        #expect(error?.diagnostic.location?.rendered == testCase.location)
        #expect(error?.diagnostic.message.hasSuffix(".") == false)
    }

    @Test func lockedSolutionCellIsRefused() throws {
        let bytes = try CourseTestSupport.notebook([
            (type: "code", source: "x = 1", nbgrader: ["solution": true, "locked": true, "grade": false, "grade_id": "c"]),
        ])
        let error = #expect(throws: DiagnosticError.self) {
            try StudentVersion().make(from: bytes, path: "nb.ipynb")
        }
        #expect(error?.diagnostic.id == "course.locked-solution")
        #expect(error?.diagnostic.location?.rendered == "nb.ipynb:cell_0:1:1")
    }

    @Test func wholeSolutionCellWithoutMarkersBecomesTheStub() throws {
        let bytes = try CourseTestSupport.notebook([
            (type: "code", source: "def area(r):\n    return 3.14159 * r * r\n", nbgrader: ["solution": true, "grade": false, "locked": false, "grade_id": "a"]),
        ])
        let student = try StudentVersion().make(from: bytes, path: "nb.ipynb")
        #expect(student.text.contains("\"# YOUR CODE HERE\\n\",\n    \"raise NotImplementedError()\"\n"))
        #expect(!student.text.contains("3.14159"))
        #expect(student.solutionCells == [0])
    }
}
