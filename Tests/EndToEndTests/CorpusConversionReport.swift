import Foundation

/// The corpus run's figures and its per-notebook table (written to `report.txt` in `folder` and
/// quoted in the tests' failure messages).
struct CorpusConversionReport: Sendable {
    /// One per notebook that was run (the excluded ones are not).
    var outcomes: [CorpusNotebookOutcome]
    /// Notebooks left out because their reference run fails offline, with why.
    var excluded: [String: String]
    /// Notebooks left out because the corpus python lacks an ML library they import, with which.
    var skipped: [String: String] = [:]
    /// The interpreter the projects ran with.
    var python: String
    /// Where the projects were written (failing ones are kept there).
    var folder: URL
    /// Wall time of the whole run.
    var seconds: Double
    /// Notebooks run at the same time.
    var width: Int
    /// Seconds allowed per notebook for convert, train and pytest.
    var budget: Int
    /// Seconds allowed per linter.
    var lintBudget: Int

    /// Notebooks whose pipeline converted, trained and passed its tests.
    var pipelinePassed: Int { outcomes.filter(\.pipelineOK).count }

    /// `pipelinePassed` over the notebooks run.
    var rate: Double { outcomes.isEmpty ? 0 : Double(pipelinePassed) / Double(outcomes.count) }

    /// Converted projects on which ruff or hadolint reported something (or could not run).
    var lintFailures: [CorpusNotebookOutcome] { outcomes.filter { $0.convert.isOK && !$0.lintClean } }

    /// Converted projects with a module that reads a global nothing binds (or the check failed).
    var unboundGlobalFailures: [CorpusNotebookOutcome] { outcomes.filter { $0.convert.isOK && !$0.globalsBound } }

    /// How many notebooks passed each step, by column name (`ok` only).
    func passed(_ step: String) -> Int {
        outcomes.filter { outcome in outcome.steps.contains { $0.0 == step && $0.1.isOK } }.count
    }

    /// Recorded values asserted across the corpus (issue 11), and where unseeded randomness was found.
    var resultsLine: String {
        let checks = outcomes.map(\.checks).reduce(0, +)
        let range = outcomes.map(\.rangeChecks).reduce(0, +)
        let withChecks = outcomes.filter { $0.checks > 0 }
        let withoutOutputs = outcomes.filter { !$0.hasOutputs }.map(\.notebook)
        let unseeded = outcomes.filter { $0.unseededDraws > 0 }
        return "reproduced results: \(checks) recorded values asserted by tests/test_notebook_results.py (\(checks - range) to the digits shown, \(range) by range) in \(withChecks.count) projects, "
            + "which pass under pytest in \(withChecks.filter { !$0.resultsFailed }.count); \(unseeded.count) notebooks draw unseeded randomness (\(outcomes.map(\.unseededDraws).reduce(0, +)) located warnings); "
            + "without outputs even in a reference run: \(withoutOutputs.isEmpty ? "none" : withoutOutputs.joined(separator: ", "))"
    }

    /// Where `text` is written.
    var file: URL { folder.appendingPathComponent("report.txt") }

    /// The summary, the table and every failing step's reason.
    var text: String {
        let converted = outcomes.filter(\.convert.isOK).count
        let slowest = outcomes.max { $0.seconds < $1.seconds }
        var lines = [
            "nbship convert over \(outcomes.count) corpus notebooks (python \(python); \(width) at a time; \(budget) s each for convert + train + inference + pytest, \(lintBudget) s per check; wall \(String(format: "%.0f", seconds)) s, slowest \(slowest.map { "\($0.notebook) \(String(format: "%.0f", $0.seconds)) s" } ?? "-"))",
            "pipelines (convert + train + inference + pytest): \(pipelinePassed) of \(outcomes.count) ok (\(String(format: "%.1f", rate * 100)) %, need 90 %); convert \(passed("convert")), train \(passed("train")), inference \(passed("inference")), pytest \(passed("pytest"))",
            "lint (ruff check --isolated over the modules and notebooks/explore.ipynb, hadolint any severity): \(converted - lintFailures.count) of \(converted) converted projects clean, \(lintFailures.count) with findings",
            "symtable (scripts/unbound-globals.py over src/PKG/*.py): \(converted - unboundGlobalFailures.count) of \(converted) converted projects bind every global they read",
            resultsLine,
            "excluded: " + (excluded.isEmpty ? "none" : excluded.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; ")),
            "skipped for a missing ML library: " + (skipped.isEmpty ? "none" : "\(skipped.count): " + skipped.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; ")),
            "projects: $RUN = \(folder.path) (passing ones removed)",
            "",
        ]
        let width = max(8, outcomes.map(\.notebook.count).max() ?? 8)
        func row(_ cells: [String]) -> String {
            let widths = [width, 5, 7, 7, 9, 7, 9, 9, 8]
            return zip(cells, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + (cells.count > widths.count ? "  " + cells[widths.count] : "")
        }
        lines.append(row(["notebook", "secs"] + (outcomes.first?.steps.map(\.0) ?? []) + ["last error"]))
        for outcome in outcomes {
            lines.append(row([outcome.notebook, String(format: "%5.1f", outcome.seconds)] + outcome.steps.map(\.1.label) + [outcome.lastError]))
        }
        let authored = outcomes.flatMap { outcome in outcome.notebookCodeFindings.map { "  \(outcome.notebook): \($0)" } }
        if !authored.isEmpty {
            lines += ["", "ruff findings on the notebooks' own lines (kept verbatim, not failed): \(authored.count)"] + authored
        }
        let failing = outcomes.filter { !$0.pipelineOK || !$0.lintClean || !$0.globalsBound }
        if !failing.isEmpty {
            lines += ["", "every failing step:"]
            for outcome in failing {
                for (name, step) in outcome.steps {
                    if let reason = step.reason { lines.append("  \(outcome.notebook) \(name): \(reason)") }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
