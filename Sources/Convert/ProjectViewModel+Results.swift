import Refactor
import Verify

extension ProjectViewModel {
    /// The names of `tests/test_notebook_results.py` and the README's results table.
    func resultsView() -> [String: Any] {
        let hasTrainMain = !plan.trainMain.lines.isEmpty
        let checks = hasTrainMain ? results.checks : []
        return [
            "results_test_file": checks.isEmpty ? "" : "test_notebook_results.py",
            "has_results": !checks.isEmpty,
            "results_number_pattern": OutputLine.numberPattern,
            "results_scalar_pattern": OutputLine.scalarPattern,
            "results": checks.map { check -> [String: Any] in
                [
                    "cell": "cell_\(check.cell)",
                    "recorded": PythonStringLiteral.literal(check.line.text),
                    "occurrence": check.occurrence,
                    "unseeded": check.unseeded.map(PythonStringLiteral.literal) ?? "None",
                    "tolerance": check.relativeTolerance == 1e-4 ? "1e-4" : "1e-6",
                    "metric": check.metric.map(PythonStringLiteral.literal) ?? "None",
                ]
            },
            "results_summary": summary(checks: checks),
            "results_table": table(checks),
            "pipeline_mermaid": PipelineDiagram(plan).mermaid,
        ]
    }

    /// The README's rows: the first twelve checks, then how many more the test has.
    private func table(_ checks: [ResultCheck]) -> [[String: Any]] {
        var rows = checks.prefix(12).map { check -> [String: Any] in
            let code = check.line.text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
            return ["cell": "cell_\(check.cell)", "text": check.metric.map { "`\($0)` = `\(code)`" } ?? "`\(code)`",
                    "how": check.unseeded == nil ? "to the digits shown" : "by range: \(check.unseeded ?? "")"]
        }
        if checks.count > 12 {
            rows.append(["cell": "…", "text": "\(checks.count - 12) more", "how": "in `tests/test_notebook_results.py`"])
        }
        return rows
    }

    /// One sentence for the README: how many recorded values are checked, and why the others are not.
    private func summary(checks: [ResultCheck]) -> String {
        guard results.hasOutputs else {
            return "The notebook was saved without outputs, so there are no recorded values to check: run it and save it, then convert again."
        }
        let exact = checks.count { $0.unseeded == nil }
        let bounded = checks.count - exact
        var sentence = "\(checks.count) recorded value\(checks.count == 1 ? "" : "s") of training cells \(checks.count == 1 ? "is" : "are") checked by `tests/test_notebook_results.py`"
        if checks.isEmpty {
            sentence = "No recorded value of a training cell can be checked"
        } else if bounded > 0 {
            sentence += " (\(exact) to the digits shown, \(bounded) by range because of unseeded randomness)"
        }
        let others = results.uncheckedCounts.map { "\($0.count) \($0.reason.explanation)" }
        return sentence + (others.isEmpty ? "." : "; not checked: " + others.joined(separator: "; ") + ".")
    }
}
