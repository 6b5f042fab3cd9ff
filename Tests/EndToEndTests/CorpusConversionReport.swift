import Foundation

/// The corpus run's figures and its per-notebook table (written to `report.txt` in `folder` and
/// quoted in the tests' failure messages).
struct CorpusConversionReport: Sendable {
    /// One per notebook that was run (the excluded ones are not).
    var outcomes: [CorpusNotebookOutcome]
    /// Notebooks left out, with why.
    var excluded: [String: String]
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

    /// Where `text` is written.
    var file: URL { folder.appendingPathComponent("report.txt") }

    /// The summary, the table and every failing step's reason.
    var text: String {
        let converted = outcomes.filter(\.convert.isOK).count
        var lines = [
            "nbship convert over \(outcomes.count) corpus notebooks (python \(python); \(width) at a time; \(budget) s each for convert + train + pytest, \(lintBudget) s per linter; wall \(String(format: "%.0f", seconds)) s)",
            "pipelines (convert + train + pytest): \(pipelinePassed) of \(outcomes.count) ok (\(String(format: "%.1f", rate * 100)) %, need 90 %)",
            "lint (ruff check --isolated, hadolint any severity): \(converted - lintFailures.count) of \(converted) converted projects clean, \(lintFailures.count) with findings",
            "excluded: " + (excluded.isEmpty ? "none" : excluded.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; ")),
            "projects: $RUN = \(folder.path) (passing ones removed)",
            "",
        ]
        let width = max(8, outcomes.map(\.notebook.count).max() ?? 8)
        func row(_ cells: [String]) -> String {
            let widths = [width, 5, 7, 7, 7, 9, 9]
            return zip(cells, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + (cells.count > widths.count ? "  " + cells[widths.count] : "")
        }
        lines.append(row(["notebook", "secs", "convert", "train", "pytest", "ruff", "hadolint", "last error"]))
        for outcome in outcomes {
            lines.append(row([
                outcome.notebook, String(format: "%5.1f", outcome.seconds), outcome.convert.label, outcome.train.label,
                outcome.pytest.label, outcome.ruff.label, outcome.hadolint.label, outcome.lastError,
            ]))
        }
        let authored = outcomes.flatMap { outcome in outcome.notebookCodeFindings.map { "  \(outcome.notebook): \($0)" } }
        if !authored.isEmpty {
            lines += ["", "ruff findings on the notebooks' own lines (kept verbatim, not failed): \(authored.count)"] + authored
        }
        let failing = outcomes.filter { !$0.pipelineOK || !$0.lintClean }
        if !failing.isEmpty {
            lines += ["", "every failing step:"]
            for outcome in failing {
                let steps = [("convert", outcome.convert), ("train", outcome.train), ("pytest", outcome.pytest),
                             ("ruff", outcome.ruff), ("hadolint", outcome.hadolint)]
                for (name, step) in steps {
                    if let reason = step.reason { lines.append("  \(outcome.notebook) \(name): \(reason)") }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
