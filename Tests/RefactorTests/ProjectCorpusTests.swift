import Foundation
import Testing
@testable import Refactor

/// Every notebook of the shared corpus plans without trapping, deterministically, and every
/// module of its plan is valid Python (checked by the real `ast.parse`).
@Suite struct ProjectCorpusTests {
    static let notebooks: [String] = {
        let root = URL(fileURLWithPath: ProjectSupport.corpus)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".ipynb") }
            .map { "../shared/corpus/notebooks/" + $0.dropFirst(root.path.count + 1) }.sorted()
    }()

    @Test(.enabled(if: !notebooks.isEmpty && ProjectPythonTests.pythonWorks))
    func everyCorpusNotebookGivesValidPython() throws {
        var sources: [String] = []
        for notebook in Self.notebooks {
            guard let (plan, diagnostics) = try? ProjectSupport.plan(file: notebook) else { continue }
            let again = try ProjectSupport.plan(file: notebook)
            #expect(again.0 == plan && again.1 == diagnostics, "\(notebook) plans differently twice")
            for name in ProjectPythonTests.moduleNames {
                if let source = plan.pythonSource(ofModule: name) { sources.append(notebook + "::" + name + "\u{1}" + source) }
            }
        }
        #expect(sources.count >= Self.notebooks.count * 5)
        let check = """
            import ast, sys
            bad = []
            for entry in sys.stdin.read().split("\\x00"):
                if not entry:
                    continue
                name, source = entry.split("\\x01", 1)
                try:
                    ast.parse(source, name)
                except SyntaxError as error:
                    bad.append(f"{name}: {error}")
            print("\\n".join(bad))
            """
        let result = try ProjectSupport.runPython(["-c", check], stdin: sources.joined(separator: "\u{0}"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "", "modules that do not parse:\n\(result.stdout)")
    }
}

/// Opt-in (`NBSHIP_CORPUS_RUN=1`, and the interpreter has the corpus stack): every corpus
/// notebook's package, rendered from the plan, runs `python -m PKG.train` from another
/// folder; at least 90 % succeed, and every failure was announced by a planner warning.
@Suite struct ProjectCorpusRunTests {
    static let enabled = ProcessInfo.processInfo.environment["NBSHIP_CORPUS_RUN"] != nil
        && ProjectSupport.pythonCanImport("pandas, sklearn, matplotlib, seaborn, statsmodels")

    @Test(.enabled(if: enabled), .timeLimit(.minutes(20)))
    func corpusPipelinesRun() throws {
        let notebooks = ProjectCorpusTests.notebooks.filter { !$0.contains(".executed") }
        var failures: [String] = []
        var unannounced: [String] = []
        for notebook in notebooks {
            let (plan, diagnostics) = try ProjectSupport.plan(file: notebook)
            let root = try ProjectPythonTests.temporaryDirectory()
            let elsewhere = try ProjectPythonTests.temporaryDirectory()
            defer {
                try? FileManager.default.removeItem(at: root)
                try? FileManager.default.removeItem(at: elsewhere)
            }
            let folder = ProjectSupport.packageRoot + "/" + URL(fileURLWithPath: notebook).deletingLastPathComponent().relativePath
            try ProjectPythonTests.writeProject(plan, notebookDirectory: folder, to: root)
            let run = try ProjectSupport.runPython(["-m", "\(plan.packageName).train"], directory: elsewhere.path,
                                                   environment: ["PYTHONPATH": root.appendingPathComponent("src").path, "MPLBACKEND": "Agg"])
            guard run.status != 0 else { continue }
            let last = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
            failures.append("\(notebook): \(last)")
            if !diagnostics.contains(where: { $0.severity == .warning && $0.id.hasPrefix("project.") }) { unannounced.append(notebook) }
        }
        let rate = Double(notebooks.count - failures.count) / Double(max(notebooks.count, 1))
        #expect(rate >= 0.9, "train ran for \(notebooks.count - failures.count)/\(notebooks.count):\n\(failures.joined(separator: "\n"))")
        #expect(unannounced.isEmpty, "failures without a planner warning: \(unannounced)")
    }
}
