import Foundation
import Notebook
import Testing
@testable import Refactor

/// The edge-case notebooks (in-place mutation, globals in functions and comprehensions, a
/// lambda reused later, a star import, a class with magics, a messy notebook with and without
/// headings) keep their behaviour: their code cells, lowered, run top to bottom as plain Python,
/// and the generated package's `train` and `inference` mains print the same numbers that the
/// notebook's pipeline cells printed, in the same order, and no number those cells did not.
@Suite struct ProjectEdgeCaseBehaviourTests {
    static let notebooks = [
        "edge_class_and_magic", "edge_global_in_function", "edge_inplace_mutation", "edge_inplace_only_method",
        "edge_star_import", "messy_teaching", "messy_teaching_headings",
    ].map { "../shared/corpus/notebooks/edge-cases/\($0).ipynb" }

    static let marker = "\u{1e}cell "

    /// Numeric tokens in printed text (`442`, `-0.5`, `1.2e-05`), as written.
    static func numbers(in text: String) -> [String] {
        text.matches(of: #/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/#).map { String($0.output) }
    }

    /// Whether `needle` occurs in `haystack` in order, not necessarily contiguously.
    static func isSubsequence(_ needle: [String], of haystack: [String]) -> Bool {
        var rest = haystack[...]
        for item in needle {
            guard let found = rest.firstIndex(of: item) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// What each code cell printed when the notebook's lowered code ran as one script.
    static func runNotebook(_ notebook: String, in directory: URL) throws -> (outputs: [Int: String], stderr: String, status: Int32) {
        let read = try NotebookReader().read(contentsOf: ProjectSupport.packageRoot + "/" + notebook)
        let analysis = NotebookAnalyser().analyse(read.notebook, path: notebook)
        let script = analysis.codeCells.compactMap { cell in
            cell.python.map { "print(\(PythonStringLiteral.literal(marker + String(cell.index))), flush=True)\n" + $0 }
        }.joined(separator: "\n")
        let result = try ProjectSupport.runPython(["-c", script], directory: directory.path, environment: ["MPLBACKEND": "Agg"])
        var outputs: [Int: String] = [:]
        for chunk in result.stdout.components(separatedBy: marker).dropFirst() {
            let lines = chunk.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard let cell = lines.first.flatMap({ Int($0) }) else { continue }
            outputs[cell] = lines.count > 1 ? String(lines[1]) : ""
        }
        return (outputs, result.stderr, result.status)
    }

    @Test(.enabled(if: ProjectPythonTests.hasMLStack), arguments: notebooks)
    func pipelinePrintsTheNotebooksNumbers(notebook: String) throws {
        let scratch = try ProjectPythonTests.temporaryDirectory()
        let root = try ProjectPythonTests.temporaryDirectory()
        let elsewhere = try ProjectPythonTests.temporaryDirectory()
        defer { for url in [scratch, root, elsewhere] { try? FileManager.default.removeItem(at: url) } }

        let original = try Self.runNotebook(notebook, in: scratch)
        try #require(original.status == 0, "\(original.stderr)")
        let read = try NotebookReader().read(contentsOf: ProjectSupport.packageRoot + "/" + notebook)
        let stages = Planner().plan(read.notebook, path: notebook).assignments
        let pipelineCells = stages.filter { $0.stage.isPipeline }.map(\.cell).sorted()
        let expected = pipelineCells.flatMap { Self.numbers(in: original.outputs[$0] ?? "") }
        #expect(!expected.isEmpty, "the notebook's pipeline cells print no number: nothing to compare")

        let (plan, _) = try ProjectSupport.plan(file: notebook)
        let folder = ProjectSupport.packageRoot + "/" + URL(fileURLWithPath: notebook).deletingLastPathComponent().relativePath
        try ProjectPythonTests.writeProject(plan, notebookDirectory: folder, to: root)
        let environment = ["PYTHONPATH": root.appendingPathComponent("src").path, "MPLBACKEND": "Agg"]
        var printed: [String] = []
        for step in ["train", "inference"] {
            let run = try ProjectSupport.runPython(["-m", "\(plan.packageName).\(step)"], directory: elsewhere.path, environment: environment)
            try #require(run.status == 0, "\(step): \(run.stderr)")
            printed += Self.numbers(in: run.stdout)
        }
        #expect(Self.isSubsequence(expected, of: printed), "the notebook printed \(expected), the pipeline \(printed)")
        let unexpected = Set(printed).subtracting(expected)
        #expect(unexpected.isEmpty, "the pipeline printed numbers the notebook's pipeline cells did not: \(unexpected.sorted())")
    }

    @Test func numbersAndSubsequences() {
        #expect(Self.numbers(in: "2 ['a', 'c'] [152.13 -1.5e-05] x1") == ["2", "152.13", "-1.5e-05", "1"])
        #expect(Self.isSubsequence(["1", "3"], of: ["1", "2", "3"]))
        #expect(!Self.isSubsequence(["3", "1"], of: ["1", "2", "3"]))
    }
}
