import Foundation
import TestSupport

/// Converts corpus notebooks with the real `nbship` and runs what a user would in each project:
/// `python -m PKG.train` and `python -m PKG.inference` (from another folder), `python -m pytest -q`,
/// `ruff check` (the modules and `notebooks/explore.ipynb`), hadolint, and the `symtable` check of
/// `scripts/unbound-globals.py` over `src/PKG/*.py`.
///
/// Every notebook gets one time budget for its pipeline (convert, train, inference, pytest) and each check
/// its own short one; a step still running when its time is up is killed (`timeout -k`, which
/// signals the whole process group). Notebooks run `width` at a time on their own threads, so
/// the waiting never blocks Swift's cooperative pool.
struct CorpusConversionRun: Sendable {
    /// The `nbship` binary.
    var binary: URL
    /// The interpreter of the corpus environment: `convert --python`, and what runs the projects.
    var python: String
    /// hadolint's path; the column says `-` without it.
    var hadolint: String?
    /// Where the projects are written (one folder per notebook) and the report goes.
    var folder: URL
    /// Seconds for one notebook's convert, train, inference and pytest together.
    var budget: Int = 240
    /// Seconds for each linter (ruff, hadolint) on one project.
    var lintBudget: Int = 30
    /// Notebooks converted at the same time.
    var width: Int = 2

    /// Runs every notebook, `width` at a time.
    /// - Parameter notebooks: the notebooks, with their names in the table.
    /// - Returns: one outcome per notebook, in the same order.
    func run(_ notebooks: [(url: URL, name: String)]) async -> [CorpusNotebookOutcome] {
        let indexed = Array(notebooks.enumerated())
        return await ParallelMap.map(indexed, width: width) { item in
            self.run(item.element.url, name: item.element.name, index: item.offset)
        }
    }

    /// Converts one notebook and checks its project.
    /// - Parameters:
    ///   - notebook: the `.ipynb`.
    ///   - name: its name in the table.
    ///   - index: its position, which keeps the project folders apart.
    /// - Returns: what each step did.
    func run(_ notebook: URL, name: String, index: Int) -> CorpusNotebookOutcome {
        let start = Date()
        var outcome = check(notebook, name: name, index: index, deadline: start.addingTimeInterval(TimeInterval(budget)))
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    private func check(_ notebook: URL, name: String, index: Int, deadline: Date) -> CorpusNotebookOutcome {
        var outcome = CorpusNotebookOutcome(notebook: name)
        let slot = folder.appendingPathComponent(String(format: "%02d-", index) + notebook.deletingPathExtension().lastPathComponent)
        let project = slot.appendingPathComponent("x")
        let elsewhere = slot.appendingPathComponent("cwd")
        do {
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        } catch {
            outcome.convert = .failed("cannot create \(elsewhere.path): \(error)")
            return outcome
        }
        // The checks of reproduced results come from the reference run, the notebook executed in
        // this very environment: the notebooks' own outputs were recorded with other library
        // versions (see `convert`'s verify.other-environment note), and some have none.
        let reference = Self.referenceRun(for: notebook)
        outcome.resultsFrom = reference?.lastPathComponent ?? notebook.lastPathComponent
        let converted = step(
            [binary.path, "convert", notebook.path, "-o", project.path, "--python", python, "--format", "json"]
                + (reference.map { ["--results-from", $0.path] } ?? []),
            in: slot, deadline: deadline)
        outcome.convert = Self.judge(converted, reason: Self.convertReason)
        guard outcome.convert.isOK else { return outcome }
        guard let package = Self.packageName(converted.stdout) else {
            outcome.convert = .failed("exit 0 but no \"package\" in the JSON report")
            return outcome
        }
        outcome.package = package
        if let results = Self.results(converted.stdout) {
            outcome.checks = results.checked
            outcome.rangeChecks = results.byRange
            outcome.hasOutputs = results.hasOutputs
            outcome.unseededDraws = results.unseeded
        }

        let sourcePath = ["PYTHONPATH": project.appendingPathComponent("src").path]
        let train = step([python, "-m", "\(package).train"], in: elsewhere, deadline: deadline, environment: sourcePath)
        outcome.train = Self.judge(train, reason: Self.tracebackReason)
        // Inference and the tests compute what train does again: after a failed train they
        // would fail the same way, slowly.
        if outcome.train.isOK {
            let inference = step([python, "-m", "\(package).inference"], in: elsewhere, deadline: deadline, environment: sourcePath)
            outcome.inference = Self.judge(inference, reason: Self.tracebackReason)
            let pytest = step([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], in: project, deadline: deadline)
            outcome.pytest = Self.judge(pytest, reason: Self.pytestReason)
            let summary = (pytest.result?.stdout ?? "").split(separator: "\n")
            outcome.resultsFailed = summary.contains { ($0.hasPrefix("FAILED ") || $0.hasPrefix("ERROR ")) && $0.contains("test_notebook_results.py") }
                || (pytest.result == nil && outcome.checks > 0)
        }

        let lintDeadline = { Date().addingTimeInterval(TimeInterval(lintBudget)) }
        var ruff = step([python, "-m", "ruff", "check", "--isolated", "--no-cache", "--output-format", "concise", "."],
                        in: project, deadline: lintDeadline())
        // Findings the notebook's author has in the notebook too are reported, not failed.
        let original = step([python, "-m", "ruff", "check", "--isolated", "--no-cache", "--output-format", "concise", notebook.lastPathComponent],
                            in: notebook.deletingLastPathComponent(), deadline: lintDeadline())
        let split = NotebookOwnFindings.split(ruff.stdout, project: project, notebook: notebook, notebookOutput: original.stdout)
        outcome.notebookCodeFindings = split.notebook
        if split.ours.isEmpty, ruff.result?.status == 1 {
            ruff.result?.status = 0
        }
        ruff.result?.stdout = split.ours.joined(separator: "\n")
        outcome.ruff = Self.judgeLinter(ruff, findingsStatus: 1, finding: #/:\d+:\d+: [A-Z]+[0-9]+ /#)
        if let hadolint {
            let lint = step([hadolint, "--failure-threshold", "style", "--no-color", "Dockerfile"], in: project, deadline: lintDeadline())
            outcome.hadolint = Self.judgeLinter(lint, findingsStatus: 1, finding: #/^Dockerfile:\d+ /#)
        }
        let modules = ((try? FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("src/\(package)").path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted().map { "src/\(package)/\($0)" }
        var globals = step([python, Self.unboundGlobalsScript.path] + modules, in: project, deadline: lintDeadline(), environment: ["PYTHONPATH": "src"])
        if modules.isEmpty { globals = StepResult(result: nil, launchError: "no modules in src/\(package)") }
        outcome.unboundGlobals = Self.judgeLinter(globals, findingsStatus: 1, finding: #/:\d+:\d+: /#)
        if outcome.pipelineOK, outcome.lintClean, outcome.globalsBound {
            try? FileManager.default.removeItem(at: slot)
        }
        return outcome.replacingInReasons(folder.path, with: "$RUN")
    }

    /// The notebook's reference run (`*.executed_compat.ipynb`, or `*.executed_ml.ipynb` for the
    /// notebooks that run in the ML environment), when there is one.
    static func referenceRun(for notebook: URL) -> URL? {
        let stem = notebook.deletingPathExtension()
        return ["executed_compat.ipynb", "executed_ml.ipynb"].map { stem.appendingPathExtension($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The `results` and unseeded-randomness count of `convert --format json`.
    static func results(_ json: String) -> (checked: Int, byRange: Int, hasOutputs: Bool, unseeded: Int)? {
        guard let report = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let results = report["results"] as? [String: Any] else { return nil }
        let unseeded = (report["diagnostics"] as? [[String: Any]] ?? []).filter { $0["id"] as? String == "verify.unseeded-random" }.count
        return (results["checked"] as? Int ?? 0, results["by_range"] as? Int ?? 0, results["has_outputs"] as? Bool ?? false, unseeded)
    }

    /// The CPython `symtable` check run over each project's modules.
    static let unboundGlobalsScript = PackagePaths.root.appendingPathComponent("scripts/unbound-globals.py")

    /// Runs one command under what is left of the budget (not at all when it is spent).
    private func step(_ command: [String], in directory: URL, deadline: Date, environment extra: [String: String] = [:]) -> StepResult {
        let seconds = Int(deadline.timeIntervalSinceNow.rounded(.up))
        guard seconds > 0 else { return StepResult(result: nil) }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = nil
        environment["VIRTUAL_ENV"] = nil
        // A wide terminal, so pytest's summary lines are not cut.
        environment.merge(["NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg", "COLUMNS": "400"]) { _, new in new }
        environment.merge(extra) { _, new in new }
        do {
            let result = try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/timeout"), arguments: ["-k", "5", "\(seconds)"] + command,
                in: directory, environment: environment, inheritsEnvironment: false)
            return StepResult(result: result)
        } catch {
            return StepResult(result: nil, launchError: "cannot run \(command[0]): \(error)")
        }
    }

    /// A step's process result (none when it did not start).
    struct StepResult {
        var result: ProcessRunner.Result?
        var launchError: String?

        var stdout: String { result?.stdout ?? "" }
        var stderr: String { result?.stderr ?? "" }

        /// Not started because the budget was spent, or stopped by `timeout` (which exits 124
        /// when it stopped the command, 137 when it had to kill it).
        var timedOut: Bool {
            guard let result else { return launchError == nil }
            return !result.crashed && (result.status == 124 || result.status == 137)
        }
    }

    private static func judge(_ step: StepResult, reason: (StepResult) -> String) -> CorpusStep {
        if let launchError = step.launchError { return .failed(launchError) }
        if step.timedOut { return .timedOut }
        guard let result = step.result else { return .failed("no result") }
        if result.crashed { return .failed("killed by signal \(result.status)") }
        return result.status == 0 ? .ok : .failed("exit \(result.status): " + clip(reason(step)))
    }

    private static func judgeLinter(_ step: StepResult, findingsStatus: Int32, finding: some RegexComponent) -> CorpusStep {
        guard let result = step.result, result.status == findingsStatus, !step.timedOut else {
            return judge(step) { lastLine($0.stderr) ?? lastLine($0.stdout) ?? "" }
        }
        let lines = (result.stdout + "\n" + result.stderr).split(separator: "\n").map(String.init)
            .filter { $0.contains(finding) }
        guard let first = lines.first else { return judge(step) { lastLine($0.stderr) ?? lastLine($0.stdout) ?? "" } }
        let summary = codeSummary(lines)
        return .findings(lines.count, (summary.isEmpty ? "" : summary + "; ") + "first: " + clip(first))
    }

    /// `F401 ×3, I001 ×2, UP007` from the findings' rule codes, most frequent first.
    private static func codeSummary(_ lines: [String]) -> String {
        var counts: [String: Int] = [:]
        for line in lines {
            if let match = line.firstMatch(of: #/(?:: |:\d+ )([A-Z]+[0-9]+) /#) {
                counts[String(match.1), default: 0] += 1
            }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { $0.value > 1 ? "\($0.key) ×\($0.value)" : $0.key }.joined(separator: ", ")
    }

    /// The first `error:` line nbship printed, else its last line.
    private static func convertReason(_ step: StepResult) -> String {
        step.stderr.split(separator: "\n").first { $0.contains("error:") }.map(String.init)
            ?? lastLine(step.stderr) ?? lastLine(step.stdout) ?? ""
    }

    /// A traceback's last line (the exception), else the last line of output.
    private static func tracebackReason(_ step: StepResult) -> String {
        lastLine(step.stderr) ?? lastLine(step.stdout) ?? ""
    }

    /// pytest's first `FAILED`/`ERROR` summary line (with the first `E ` line of the report when
    /// the summary does not say why, as for a collection error), else its last line.
    private static func pytestReason(_ step: StepResult) -> String {
        let lines = step.stdout.split(separator: "\n")
        guard let summary = lines.first(where: { $0.hasPrefix("FAILED ") || $0.hasPrefix("ERROR ") }) else {
            return lastLine(step.stdout) ?? lastLine(step.stderr) ?? ""
        }
        guard !summary.contains(" - "), let why = lines.first(where: { $0.hasPrefix("E ") }) else { return String(summary) }
        return summary + " - " + why.dropFirst().trimmingCharacters(in: .whitespaces)
    }

    private static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func clip(_ line: String, to length: Int = 220) -> String {
        line.count > length ? String(line.prefix(length - 1)) + "…" : line
    }

    /// The `package` of `nbship convert --format json`.
    private static func packageName(_ json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object["package"] as? String
    }
}
