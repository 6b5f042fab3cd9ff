import Foundation
import Notebook
import Testing
import TestSupport
@testable import Refactor

/// Opt-in (`NBSHIP_CORPUS_RUN=1`): every corpus notebook's package, rendered from the plan,
/// runs `python -m PKG.train` and then `python -m PKG.inference` from another folder, with the
/// data files copied to the project's `data/` (each run under a time limit). At least 90 % of
/// the notebooks that execute offline must pass both; the rate and each failure are printed,
/// and every failure must have been announced by a planner warning. Behaviour: the numbers the
/// reference run (`*.executed_compat.ipynb`, else `*.executed_ml.ipynb`) printed from the cells the pipeline keeps
/// reappear in order in the pipeline's output, those of inference cells in `PKG.inference`'s
/// and the others in `PKG.train`'s (statsmodels' `Date:`/`Time:` lines aside), except in the
/// pinned notebooks whose numbers change from run to run.
///
/// The interpreter is `NBSHIP_CORPUS_PYTHON` (a venv made from
/// `../shared/corpus/envs/requirements-compat.txt`), else the test Python.
/// `NBSHIP_CORPUS_KEEP=DIR` keeps the generated projects under `DIR` for inspection.
@Suite struct ProjectCorpusRunTests {
    static let environment = ProcessInfo.processInfo.environment

    /// The corpus interpreter.
    static let python: String = environment["NBSHIP_CORPUS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? TestPython.interpreter

    static let enabled = environment["NBSHIP_CORPUS_RUN"] != nil
        && TestPython.canImport(["pandas", "sklearn", "matplotlib", "seaborn", "statsmodels", "joblib"], using: python)

    /// Notebooks left out of the rate, with the reason: exactly those whose reference run (in
    /// the compat environment, `*.executed_compat.ipynb`, else with the ML pins,
    /// `*.executed_ml.ipynb`) has an error output (checked by
    /// `exclusionsAreTheNotebooksThatFailOffline`).
    static let excluded: [String: String] = [
        "../shared/corpus/notebooks/codebasics-py/ML/3_gradient_descent/gradient_descent.ipynb":
            "its reference run raises TypeError in cell 3 (gradient_descent(x, y) on the CSV's columns)",
        "../shared/corpus/notebooks/shap/notebooks/tabular_examples/tree_based_models/Understanding Tree SHAP for Simple Models.ipynb":
            "its reference run cannot find Graphviz's dot (five cells draw trees)",
    ]

    /// The reference run of a notebook: compat first, else the ML environment's.
    static func reference(of notebook: String) -> String? {
        ["executed_compat", "executed_ml"].map { ProjectSupport.packageRoot + "/" + notebook.replacingOccurrences(of: ".ipynb", with: ".\($0).ipynb") }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether the notebook's reference run has an error output (`nil`: no reference run, as
    /// for the edge cases, which have no outputs to compare).
    static func referenceRunFailed(_ notebook: String) throws -> Bool? {
        guard let reference = reference(of: notebook) else { return nil }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reference)))
        let cells = (json as? [String: Any])?["cells"] as? [[String: Any]] ?? []
        return cells.contains { cell in
            (cell["outputs"] as? [[String: Any]] ?? []).contains { $0["output_type"] as? String == "error" }
        }
    }

    /// Seconds each `python -m` run may take before it counts as a failure.
    static let timeout = 120

    static var notebooks: [String] {
        ProjectCorpusTests.notebooks.filter { !$0.contains(".executed") }
    }

    /// One notebook's outcome: the step that failed (nil when both ran) and why.
    struct Outcome: Sendable {
        var notebook: String
        var failedStep: String?
        var reason: String
        var seconds: Double
        var announced: Bool
        /// Numbers the reference run printed from pipeline cells that the pipeline did not
        /// print (`nil`: no reference run to compare with).
        var missingNumbers: [String]?
    }

    /// Notebooks whose printed numbers differ between runs of the notebook itself.
    static let nondeterministic: [String: String] = [
        "../shared/corpus/notebooks/scikit-learn-mooc/notebooks/cross_validation_grouping.ipynb":
            "KFold(shuffle=True) without a random_state: its cross-validation scores vary by run",
    ]

    /// Numeric tokens of printed text, without statsmodels' summary lines that hold the clock.
    static func numbers(in text: String) -> [String] {
        let lines = text.split(separator: "\n").filter { !$0.contains("Date:") && !$0.contains("Time:") }
        return ProjectEdgeCaseBehaviourTests.numbers(in: lines.joined(separator: "\n"))
    }

    /// What the reference run printed (standard output) from the given cells.
    static func referenceNumbers(_ notebook: String, cells pipelineCells: Set<Int>) throws -> [String]? {
        guard let reference = reference(of: notebook) else { return nil }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reference)))
        let cells = (json as? [String: Any])?["cells"] as? [[String: Any]] ?? []
        var text = ""
        for (index, cell) in cells.enumerated() where pipelineCells.contains(index) {
            for output in cell["outputs"] as? [[String: Any]] ?? [] where output["name"] as? String == "stdout" {
                text += (output["text"] as? [String])?.joined() ?? (output["text"] as? String ?? "")
                text += "\n"
            }
        }
        return numbers(in: text)
    }

    /// Runs the corpus interpreter with a time limit (`timeout` exits 124 when it expires).
    static func run(_ arguments: [String], directory: URL, environment: [String: String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(["/usr/bin/timeout", "-k", "5", "\(timeout)", "/usr/bin/env", python] + arguments,
                              in: directory, environment: environment)
    }

    /// The exception line of a failed run's error output (its last unindented line), or the
    /// time-out.
    static func reason(_ result: ProcessRunner.Result) -> String {
        if result.status == 124 { return "timed out after \(timeout) s" }
        let lines = result.stderr.split(separator: "\n")
        return (lines.last { !($0.first?.isWhitespace ?? true) } ?? lines.last).map(String.init) ?? "exit \(result.status)"
    }

    /// The items of `expected` left over when it is matched in order against `printed` (each
    /// found at or after the previous match; one not found is skipped).
    static func unmatched(_ expected: [String], in printed: [String]) -> [String] {
        var position = printed.startIndex
        var missing: [String] = []
        for item in expected {
            if let found = printed[position...].firstIndex(of: item) {
                position = printed.index(after: found)
            } else {
                missing.append(item)
            }
        }
        return missing
    }

    static func check(_ notebook: String) throws -> Outcome {
        let started = Date()
        let (plan, diagnostics) = try ProjectSupport.plan(file: notebook)
        let announced = diagnostics.contains { $0.severity == .warning && $0.id.hasPrefix("project.") }
        let stem = URL(fileURLWithPath: notebook).deletingPathExtension().lastPathComponent
        let keep = environment["NBSHIP_CORPUS_KEEP"].map { URL(fileURLWithPath: $0).appendingPathComponent(stem) }
        let root = try keep ?? ProjectPythonTests.temporaryDirectory()
        if keep != nil { try? FileManager.default.removeItem(at: root) }
        let elsewhere = try ProjectPythonTests.temporaryDirectory()
        defer {
            if keep == nil { try? FileManager.default.removeItem(at: root) }
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let folder = ProjectSupport.packageRoot + "/" + URL(fileURLWithPath: notebook).deletingLastPathComponent().relativePath
        try ProjectPythonTests.writeProject(plan, notebookDirectory: folder, to: root)
        let variables = ["PYTHONPATH": root.appendingPathComponent("src").path, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"]
        var outcome = Outcome(notebook: notebook, failedStep: nil, reason: "", seconds: 0, announced: announced)
        var printed: [String: String] = [:]
        for step in ["train", "inference"] {
            let result = try run(["-m", "\(plan.packageName).\(step)"], directory: elsewhere, environment: variables)
            printed[step] = result.stdout
            if result.status != 0 {
                outcome.failedStep = step
                outcome.reason = reason(result)
                break
            }
        }
        let read = try NotebookReader().read(contentsOf: ProjectSupport.packageRoot + "/" + notebook)
        let stages = Planner().plan(read.notebook, path: notebook).assignments
        let cells = [
            "train": Set(stages.filter { $0.stage.isPipeline && $0.stage != .inference }.map(\.cell)),
            "inference": Set(stages.filter { $0.stage == .inference }.map(\.cell)),
        ]
        if outcome.failedStep == nil {
            for step in ["train", "inference"] {
                guard let expected = try referenceNumbers(notebook, cells: cells[step] ?? []) else { continue }
                outcome.missingNumbers = (outcome.missingNumbers ?? []) + unmatched(expected, in: numbers(in: printed[step] ?? ""))
            }
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    @Test func numbersAreMatchedInOrder() {
        #expect(Self.unmatched(["1", "2", "3"], in: ["0", "1", "9", "2", "3"]) == [])
        #expect(Self.unmatched(["2", "1"], in: ["1", "2"]) == ["1"])
        #expect(Self.unmatched(["0"], in: ["105"]) == ["0"])
        #expect(Self.numbers(in: "Date: Sat, 21 Nov 2026\nR2: 0.5\nTime: 04:50:52") == ["2", "0.5"])
    }

    @Test func exclusionsAreTheNotebooksThatFailOffline() throws {
        let failing = try Self.notebooks.filter { try Self.referenceRunFailed($0) == true }
        #expect(Set(failing) == Set(Self.excluded.keys))
        // The corpus notebooks all have a reference run; the edge cases do not.
        let withoutReference = try Self.notebooks.filter { try Self.referenceRunFailed($0) == nil }
        #expect(!withoutReference.isEmpty && withoutReference.allSatisfy { $0.contains("/edge-cases/") })
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(10)))
    func corpusPipelinesRun() throws {
        let notebooks = Self.notebooks.filter { Self.excluded[$0] == nil }
        #expect(Set(Self.excluded.keys).isSubset(of: Set(Self.notebooks)), "an excluded notebook is not in the corpus")
        let outcomes = try notebooks.map(Self.check)
        let failures = outcomes.filter { $0.failedStep != nil }
        let passed = outcomes.count - failures.count
        let rate = Double(passed) / Double(max(outcomes.count, 1))
        var report = ["corpus pipelines: train and inference ran for \(passed)/\(outcomes.count) (\(Int((rate * 100).rounded())) %)"]
        report += outcomes.map { outcome in
            var verdict = outcome.failedStep.map { "FAIL \($0): \(outcome.reason)" } ?? "ok"
            if let missing = outcome.missingNumbers {
                verdict += missing.isEmpty ? ", the reference run's numbers reappear" : ", \(missing.count) numbers differ: \(missing.prefix(6))"
            }
            return String(format: "  %6.1f s  ", outcome.seconds) + outcome.notebook + "  " + verdict
        }
        report += Self.excluded.keys.sorted().map { "  excluded: \($0): \(Self.excluded[$0] ?? "")" }
        print(report.joined(separator: "\n"))
        #expect(rate >= 0.9, "\(report.joined(separator: "\n"))")
        let unannounced = failures.filter { !$0.announced }.map(\.notebook)
        #expect(unannounced.isEmpty, "failures without a planner warning: \(unannounced)")
        let compared = outcomes.filter { $0.missingNumbers != nil && Self.nondeterministic[$0.notebook] == nil }
        let differing = compared.filter { !($0.missingNumbers?.isEmpty ?? true) }.map(\.notebook)
        #expect(differing.isEmpty, "pipelines that do not print the reference run's numbers: \(differing)")
        #expect(compared.count >= outcomes.filter { $0.missingNumbers != nil }.count - Self.nondeterministic.count)
    }
}
