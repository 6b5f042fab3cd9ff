import Course
import Diagnostics
import Foundation
import TestSupport
import Testing

/// The leak check: a solution line that reaches the student version is an error.
@Suite struct LeakCheckTests {
    static func solution() throws -> [UInt8] {
        Array(try Data(contentsOf: PackagePaths.fixture("course/solution.ipynb")))
    }

    /// The real fixture gives a clean student notebook, so the check has secrets and finds none.
    @Test func fixtureStudentVersionHasNoLeak() throws {
        let student = try StudentVersion().make(from: Self.solution(), path: "solution.ipynb")
        let check = LeakCheck(secrets: student.secrets, visible: [])
        #expect(!check.isEmpty)
        #expect(check.leaks(in: student.text, path: "student.ipynb").isEmpty)
    }

    /// A planted line: a solution line copied into the student text is reported where it is.
    @Test func plantedLeakInStudentTextIsCaught() throws {
        let student = try StudentVersion().make(from: Self.solution(), path: "solution.ipynb")
        let check = LeakCheck(secrets: student.secrets, visible: [])
        let planted = "def mean(values):\n    # YOUR CODE HERE\n        total = sum(values)\n"
        let leaks = check.leaks(in: planted, path: "student.ipynb", cell: 2)
        #expect(leaks.count == 1)
        #expect(leaks.first?.id == "course.leak")
        #expect(leaks.first?.location?.rendered == "student.ipynb:cell_2:3:9")
        #expect(leaks.first?.notes.first == "it is line 4 of cell 2 in the solution: total = sum(values)")
    }

    /// A long solution line embedded in a longer visible line is also a leak.
    @Test func embeddedLongSecretIsCaught() throws {
        let student = try StudentVersion().make(from: Self.solution(), path: "solution.ipynb")
        let check = LeakCheck(secrets: student.secrets, visible: [])
        let leaks = check.leaks(in: "Hint: try `squares = [(v - centre) ** 2 for v in values]`", path: "hint.md")
        #expect(leaks.map(\.location?.rendered) == ["hint.md:1:1"])
    }

    /// An instructor who copies a solution line into a visible cell gets an error from
    /// `StudentVersion`, and no student notebook.
    @Test func solutionCopiedIntoVisibleCellFailsTheStudentVersion() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Self.solution())) as? [String: Any])
        var cells = try #require(object["cells"] as? [[String: Any]])
        cells[6]["source"] = ["def clamp(x, low, high):\n", "    return math.sqrt(sum(squares) / len(values))\n"]
        object["cells"] = cells
        let bytes = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        let error = #expect(throws: DiagnosticError.self) {
            try StudentVersion().make(from: bytes, path: "solution.ipynb")
        }
        #expect(error?.diagnostic.id == "course.leak")
        #expect(error?.diagnostic.location?.rendered == "solution.ipynb:cell_6:2:5")
    }

    /// Short lines the instructor also shows outside the regions (`return out`) are not leaks;
    /// short secret lines written nowhere else still are.
    @Test func shortVisibleLinesAreExempt() {
        let secrets = [
            SecretLine(text: "return out", cell: 0, line: 2, origin: .solution),
            SecretLine(text: "k = 3", cell: 0, line: 3, origin: .solution),
        ]
        let check = LeakCheck(secrets: secrets, visible: ["return out"])
        #expect(check.leaks(in: "    return out\n", path: "s.ipynb", cell: 1).isEmpty)
        #expect(check.leaks(in: "k = 3\n", path: "s.ipynb", cell: 1).count == 1)
    }
}
