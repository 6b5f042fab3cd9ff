import Course
import Diagnostics
import Emit
import Foundation
import TestSupport
import Testing

/// A solution project with markers (fixtures/course/solution-project) gives a starter project
/// whose modules import and whose tests fail with NotImplementedError, while the solution's
/// tests pass; the leak check runs over every starter file.
@Suite struct StarterProjectTests {
    static let root = PackagePaths.fixture("course/solution-project")

    static func solutionFiles() throws -> [GeneratedFile] {
        let paths = ["README.md", "pyproject.toml", "src/stats_lab/__init__.py", "src/stats_lab/stats.py", "tests/test_stats.py"]
        return try paths.map { GeneratedFile(path: $0, contents: try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func write(_ files: [GeneratedFile], to directory: URL) throws {
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func stubsSolutionsAndRemovesHiddenTests() throws {
        let starter = try StarterProject.make(from: Self.solutionFiles())
        #expect(starter.changed == ["README.md", "src/stats_lab/stats.py", "tests/test_stats.py"])
        let stats = try #require(starter.files.first { $0.path == "src/stats_lab/stats.py" })
        #expect(stats.contents.contains("        raise ValueError(\"no values\")\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"))
        #expect(!stats.contents.contains("sum(values)"))
        let tests = try #require(starter.files.first { $0.path == "tests/test_stats.py" })
        #expect(!tests.contents.contains("[1, 1, 1]"))
        #expect(tests.contents.hasSuffix("assert math.isclose(std([2, 4, 4, 4, 5, 5, 7, 9]), 2.0)\n"))
        let readme = try #require(starter.files.first { $0.path == "README.md" })
        #expect(readme.contents == "# Statistics lab\n\nWhy divide by n and not n - 1 here?\n\nYOUR ANSWER HERE\n")
    }

    @Test(.enabled(if: TestPython.canImport("pytest")))
    func solutionPassesAndStarterImportsButFailsWithNotImplementedError() throws {
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let solution = try Self.solutionFiles()
        let solutionDirectory = scratch.appendingPathComponent("solution")
        let starterDirectory = scratch.appendingPathComponent("starter")
        try Self.write(solution, to: solutionDirectory)
        try Self.write(StarterProject.make(from: solution).files, to: starterDirectory)
        let pytest = ["/usr/bin/env", TestPython.interpreter, "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider"]

        let passed = try ProcessRunner.run(pytest, in: solutionDirectory)
        #expect(passed.status == 0, "\(passed.stdout)")
        #expect(passed.stdout.contains("3 passed"))

        let imports = try ProcessRunner.run(
            ["/usr/bin/env", TestPython.interpreter, "-B", "-c", "import sys; sys.path.insert(0, 'src'); import stats_lab.stats"],
            in: starterDirectory)
        #expect(imports.status == 0, "\(imports.stderr)")

        let failed = try ProcessRunner.run(pytest, in: starterDirectory)
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(failed.stdout.contains("2 failed, 1 passed"), "\(failed.stdout)")
        #expect(failed.stdout.components(separatedBy: "NotImplementedError").count > 2, "\(failed.stdout)")
    }

    @Test func aSolutionLineCopiedIntoAnotherFileIsALeak() throws {
        var files = try Self.solutionFiles()
        files.append(GeneratedFile(path: "docs/hints.md", contents: "# Hints\n\nTry `squares = [(v - centre) ** 2 for v in values]`.\n"))
        let error = #expect(throws: DiagnosticError.self) {
            try StarterProject.make(from: files)
        }
        #expect(error?.diagnostic.id == "course.leak")
        #expect(error?.diagnostic.location?.rendered == "docs/hints.md:3:1")
        #expect(error?.diagnostic.notes.first == "it is line 20 of src/stats_lab/stats.py in the solution: squares = [(v - centre) ** 2 for v in values]")
    }

    @Test func unbalancedMarkersInAFileAreLocated() throws {
        let files = [GeneratedFile(path: "src/p/m.py", contents: "def f():\n    ### BEGIN SOLUTION\n    return 1\n")]
        let error = #expect(throws: DiagnosticError.self) {
            try StarterProject.make(from: files)
        }
        #expect(error?.description == "src/p/m.py:2:5: error: '### BEGIN SOLUTION' is never closed by '### END SOLUTION' in this file [course.unbalanced-marker]")
    }
}
