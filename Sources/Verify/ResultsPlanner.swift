import Diagnostics
import Notebook
import PythonSyntax
import Refactor

/// The **verify** stage: a notebook's saved outputs + its project plan → ``NotebookResults``,
/// the checks `tests/test_notebook_results.py` runs.
///
/// Each line a training cell printed (with a number in it) is traced to the `print` call of
/// the cell's code that wrote it: by its literal words, or, when the cell has a single
/// `print` of computed values and no words match, to that one. The line becomes a check when
/// the project runs that statement; it is compared to the digits printed when nothing it
/// depends on is random, and by range when it depends on unseeded randomness
/// (``RandomnessScan``). Everything else is counted with the reason it is not checked.
///
/// ```swift
/// let (results, diagnostics) = ResultsPlanner().plan(notebookPlan, project: project)
/// results.checks.first?.line.text  // "Accuracy: 0.9667"
/// ```
public struct ResultsPlanner: Sendable {
    /// Creates a planner.
    public init() {}

    /// Plans the checks of a converted notebook.
    /// - Parameters:
    ///   - plan: The notebook's plan (its cells with their outputs, lowered and analysed).
    ///   - project: The project it became.
    ///   - targetPython: The project's Python (`3.11`); when the notebook says it was run with
    ///     another one, a `verify.other-environment` note says its values may not reproduce.
    /// - Returns: The results, and a `verify.unseeded-random` warning per unseeded draw.
    public func plan(_ plan: NotebookPlan, project: ProjectPlan, targetPython: String? = nil) -> (NotebookResults, [Diagnostic]) {
        let placement = StatementPlacement(project)
        let path = plan.analysis.path
        var parsed: [Int: ParsedCell] = [:]
        var scanned: [ScannedStatement] = []
        for cell in plan.analysis.codeCells {
            guard let python = cell.python else { continue }
            let analysis = PythonAnalyzer.analyze(python)
            guard let module = analysis.module else { continue }
            let lines = python.split(separator: "\n", omittingEmptySubsequences: false)
            var runs: [Bool] = []
            for (index, statement) in module.body.enumerated() {
                let text = Self.text(of: statement.range, in: lines)
                let running = placement.runs(cell: cell.index, statementText: text)
                runs.append(running)
                let facts = index < analysis.statements.count ? analysis.statements[index].facts : CellFacts()
                scanned.append(ScannedStatement(cell: cell.index, index: index, statement: statement, facts: facts, runsInProject: running))
            }
            parsed[cell.index] = ParsedCell(module: module, runs: runs, prints: PrintCall.calls(in: module))
        }
        let scan = RandomnessScan(scanned, path: path)
        var results = NotebookResults(unseeded: scan.draws)
        var seen: [String: Int] = [:]
        let order = ExecutionOrder(plan.analysis.codeCells.map(\.cell))
        for cell in plan.analysis.codeCells {
            let outputs = cell.cell.recordedOutputs
            guard !outputs.isEmpty else { continue }
            results.hasOutputs = true
            let raised = outputs.contains { if case .error = $0 { true } else { false } }
            for output in outputs {
                switch output {
                case .stream("stdout", let text):
                    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                        let line = OutputLine(String(rawLine))
                        let verdict = judge(line, cell: cell.index, parsed: parsed[cell.index], placement: placement, scan: scan,
                                            raised: raised, outOfOrder: order.isOutOfOrder(cell.index))
                        switch verdict {
                        case .check(let unseeded, let single):
                            results.checks.append(ResultCheck(cell: cell.index, line: line, occurrence: seen[line.skeleton, default: 0], unseeded: unseeded,
                                                              relativeTolerance: single ? 1e-4 : 1e-6))
                            seen[line.skeleton, default: 0] += 1
                        case .unchecked(let reason, let printedByPipeline):
                            if line.hasNumbers { results.unchecked.append(UncheckedOutput(cell: cell.index, text: line.text, reason: reason)) }
                            if printedByPipeline { seen[line.skeleton, default: 0] += 1 }
                        }
                    }
                case .result(let text):
                    guard OutputLine(text).hasNumbers, !Self.isObjectRepr(text) else { continue }
                    if !raised, !order.isOutOfOrder(cell.index), let metric = project.metrics.first(where: { $0.cell == cell.index }),
                       let last = parsed[cell.index].map({ $0.module.body.count - 1 }), !text.contains("\n") {
                        let key = RandomnessScan.StatementKey(cell: cell.index, index: last)
                        let families = scan.taint[key] ?? []
                        if families.contains(.clock) {
                            results.unchecked.append(UncheckedOutput(cell: cell.index, text: text, reason: .clock))
                            continue
                        }
                        results.checks.append(ResultCheck(cell: cell.index, line: OutputLine(text), occurrence: 0,
                                                          unseeded: families.isEmpty ? nil : unseededReason(families, before: cell.index, scan: scan),
                                                          relativeTolerance: scan.singlePrecision.contains(key) ? 1e-4 : 1e-6, metric: metric.key))
                        continue
                    }
                    let reason: UncheckedOutput.Reason = raised ? .cellRaised
                        : placement.trains(cell: cell.index) ? .displayedValue
                        : placement.inferenceCells.contains(cell.index) ? .notTraining : .exploration
                    results.unchecked.append(UncheckedOutput(cell: cell.index, text: text, reason: reason))
                default:
                    continue
                }
            }
        }
        var diagnostics = scan.draws.map { draw in
            Diagnostic.warning("verify.unseeded-random", "\(draw.reason): results change from run to run, so values that depend on it are checked by range only",
                               at: draw.location, notes: [draw.family.seedAdvice])
        }
        if let note = Self.environmentNote(plan, checks: results.checks.count, targetPython: targetPython) {
            diagnostics.insert(note, at: 0)
        }
        return (results, diagnostics)
    }

    /// A note when the outputs were recorded with another Python (`metadata.language_info.version`)
    /// than the project's: library versions differed too, and values that depend on them may not
    /// come out the same.
    static func environmentNote(_ plan: NotebookPlan, checks: Int, targetPython: String?) -> Diagnostic? {
        guard checks > 0, let targetPython,
              let recorded = plan.analysis.notebook.metadata["language_info"]?["version"]?.stringValue else { return nil }
        let minor = recorded.split(separator: " ").first.map { $0.split(separator: ".").prefix(2).joined(separator: ".") } ?? recorded
        guard !minor.isEmpty, minor != targetPython else { return nil }
        return .note("verify.other-environment",
                     "the notebook's outputs were recorded with Python \(minor), the project runs \(targetPython): values that depend on library versions may not come out the same",
                     at: SourceLocation(path: plan.analysis.path, line: 1, column: 1),
                     notes: ["run the notebook in the project's environment, save it under another name and convert with --results-from RUN.ipynb, so its outputs become the checks"])
    }

    private struct ParsedCell {
        var module: Module
        var runs: [Bool]
        var prints: [PrintCall]
    }

    private enum Verdict {
        case check(unseeded: String?, singlePrecision: Bool)
        /// `printedByPipeline`: the project prints this line too, so it counts for later lines' occurrences.
        case unchecked(UncheckedOutput.Reason, printedByPipeline: Bool)
    }

    private func judge(_ line: OutputLine, cell: Int, parsed: ParsedCell?, placement: StatementPlacement, scan: RandomnessScan,
                       raised: Bool, outOfOrder: Bool) -> Verdict {
        let trains = placement.trains(cell: cell)
        guard trains else {
            return .unchecked(placement.inferenceCells.contains(cell) ? .notTraining : .exploration, printedByPipeline: false)
        }
        guard let parsed, line.hasNumbers else { return .unchecked(.notPrintedByCode, printedByPipeline: trains) }
        if raised { return .unchecked(.cellRaised, printedByPipeline: true) }
        if outOfOrder { return .unchecked(.outOfOrder, printedByPipeline: true) }
        if Self.showsTime(line.text) { return .unchecked(.clock, printedByPipeline: true) }
        guard !Self.isLibraryOutput(line.text), let call = Self.printCall(for: line, in: parsed.prints) else {
            return .unchecked(.notPrintedByCode, printedByPipeline: true)
        }
        guard parsed.runs.indices.contains(call.statement), parsed.runs[call.statement] else {
            return .unchecked(.exploration, printedByPipeline: false)
        }
        let key = RandomnessScan.StatementKey(cell: cell, index: call.statement)
        let families = scan.taint[key] ?? []
        let single = scan.singlePrecision.contains(key)
        if families.contains(.clock) { return .unchecked(.clock, printedByPipeline: true) }
        guard !families.isEmpty else { return .check(unseeded: nil, singlePrecision: single) }
        return .check(unseeded: unseededReason(families, before: cell, scan: scan), singlePrecision: single)
    }

    /// What is unseeded upstream of a value: the first two draws' reasons with their places.
    private func unseededReason(_ families: Set<RandomnessFamily>, before cell: Int, scan: RandomnessScan) -> String {
        let draws = scan.draws.filter { families.contains($0.family) && $0.location.cell.map { $0 <= cell } ?? false }
        var reasons: [String] = []
        for draw in draws where !reasons.contains(where: { $0.hasPrefix(draw.reason + " (") }) {
            reasons.append("\(draw.reason) (cell_\(draw.location.cell ?? 0):\(draw.location.line):\(draw.location.column))")
        }
        if reasons.count > 2 { reasons = Array(reasons.prefix(2)) + ["\(reasons.count - 2) more"] }
        return reasons.isEmpty ? "unseeded randomness" : reasons.joined(separator: "; ")
    }

    /// The print call that wrote a line: the first whose literal words it contains, else the
    /// cell's only print of computed values.
    private static func printCall(for line: OutputLine, in prints: [PrintCall]) -> PrintCall? {
        if let literal = prints.first(where: { $0.matches(line) }) { return literal }
        let valuePrints = prints.filter { $0.fragments.isEmpty && $0.printsValues }
        return valuePrints.count == 1 ? valuePrints[0] : nil
    }

    /// Progress bars, timings and log lines libraries write to stdout.
    static func isLibraryOutput(_ text: String) -> Bool {
        ["[=", "━", "/step", "it/s", "s/it", "ETA", "[LightGBM]", "Warning", "WARNING", " at 0x", "\r"].contains { text.contains($0) }
    }

    /// A time of day or a date (`Time: 16:54:39`, `Thu, 23 Feb 2023`), as reports print the
    /// moment they were made (a statsmodels summary's `Date:` and `Time:` rows).
    static func showsTime(_ text: String) -> Bool {
        text.contains(#/\b\d{1,2}:\d{2}:\d{2}\b/#) || text.contains(#/\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* +\d{1,2},? \d{4}\b/#)
    }

    /// `<matplotlib.lines.Line2D at 0x7f…>` and other reprs without a value.
    static func isObjectRepr(_ text: String) -> Bool {
        text.contains(" at 0x") || (text.hasPrefix("<") && text.hasSuffix(">"))
    }

    private static func text(of range: SourceRange, in lines: [Substring]) -> String {
        let first = max(0, range.start.line - 1)
        let last = min(lines.count - 1, range.end.line - 1)
        guard first <= last else { return "" }
        return lines[first...last].joined(separator: "\n")
    }
}

extension RandomnessFamily {
    /// What makes this generator repeatable.
    var seedAdvice: String {
        switch self {
        case .numpy: "pass random_state=… (or call np.random.seed(…) before) to make it repeatable"
        case .python: "call random.seed(…) before to make it repeatable"
        case .torch: "call torch.manual_seed(…) before to make it repeatable"
        case .tensorflow: "call keras.utils.set_random_seed(…) before to make it repeatable"
        case .hashing: "set PYTHONHASHSEED, or use a hash that does not change between processes (hashlib)"
        case .clock: "values computed from the clock differ on every run"
        }
    }
}
