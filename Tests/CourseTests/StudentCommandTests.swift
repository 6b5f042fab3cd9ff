import Foundation
import TestSupport
import Testing

/// `nbship student`, run as the real binary: output, exit codes, refusal to overwrite, and
/// nothing written on error.
@Suite(.enabled(if: PackagePaths.builtBinary != nil))
struct StudentCommandTests {
    static func nbship(_ arguments: [String]) throws -> ProcessRunner.Result {
        let binary = try #require(PackagePaths.builtBinary)
        return try ProcessRunner.run([binary.path] + arguments)
    }

    @Test func writesTheGoldenStudentNotebookAndRefusesToOverwrite() throws {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("student.ipynb").path
        let first = try Self.nbship(["student", "fixtures/course/solution.ipynb", "-o", output])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "")
        #expect(first.stderr == "wrote \(output): 6 solution cell(s) stubbed, hidden tests removed from 1 cell(s)\n")
        let golden = try String(contentsOf: PackagePaths.fixture("course/student.golden.ipynb"), encoding: .utf8)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == golden)

        try "keep me".write(toFile: output, atomically: true, encoding: .utf8)
        let refused = try Self.nbship(["student", "fixtures/course/solution.ipynb", "-o", output])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: '\(output)' already exists [output.exists]"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")

        let forced = try Self.nbship(["student", "fixtures/course/solution.ipynb", "-o", output, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == golden)
        // No temporary files left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["student.ipynb"])
    }

    @Test func malformedMarkersExitTwoLocatedAndWriteNothing() throws {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bad.ipynb")
        let bytes = try CourseTestSupport.notebook([(type: "code", source: "def f():\n    ### BEGIN SOLUTION\n    return 1\n", nbgrader: nil)])
        try Data(bytes).write(to: input)
        let output = directory.appendingPathComponent("out.ipynb").path
        let result = try Self.nbship(["student", input.path, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(input.path):cell_0:2:5: error: '### BEGIN SOLUTION' is never closed by '### END SOLUTION' in this cell [course.unbalanced-marker]\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
