import Diagnostics
import Foundation
import TestSupport
import Notebook
@testable import Refactor

/// Shared helpers for the ProjectPlan tests: paths, planning a notebook file or cell sources,
/// and running Python.
enum ProjectSupport {
    static let packageRoot: String = PackagePaths.root.path

    static let corpus = packageRoot + "/../shared/corpus/notebooks"

    /// Plans a notebook file with the path relative to the package root (so dumps are stable).
    static func plan(file relative: String, packageName: String? = nil) throws -> (ProjectPlan, [Diagnostic]) {
        let full = packageRoot + "/" + relative
        let result = try NotebookReader().read(contentsOf: full)
        let notebookPlan = Planner().plan(result.notebook, path: relative)
        let directory = URL(fileURLWithPath: full).deletingLastPathComponent().path
        return ProjectPlanner().plan(notebookPlan, options: ProjectPlanOptions(packageName: packageName, notebookDirectory: directory))
    }

    /// Plans cells given as sources (`#` + tags are not needed: the classifier decides).
    static func plan(cells: [String], tags: [Int: [String]] = [:], name: String = "nb.ipynb") -> (ProjectPlan, [Diagnostic]) {
        ProjectPlanner().plan(Planner().plan(notebook(cells: cells, tags: tags), path: name))
    }

    /// A notebook from cell sources: a source starting with `## ` is a markdown heading cell.
    static func notebook(cells: [String], tags: [Int: [String]] = [:]) -> Notebook {
        let cellValues = cells.enumerated().map { index, source in
            source.hasPrefix("## ")
                ? Cell(index: index, kind: .markdown, source: source)
                : Cell(index: index, kind: .code, source: source, tags: tags[index] ?? [])
        }
        return Notebook(nbformat: 4, nbformatMinor: 5, kernel: KernelInfo(name: "python3", language: "python"), cells: cellValues)
    }

    /// The interpreter for tests: `NBSHIP_TEST_PYTHON`, else `python3`.
    /// Runs Python with arguments; returns the exit status and output.
    static func runPython(_ arguments: [String], directory: String? = nil, stdin: String? = nil, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try TestPython.run(
            arguments, in: directory.map { URL(fileURLWithPath: $0) }, environment: environment,
            input: stdin.map { .data(Data($0.utf8)) } ?? .empty)
        return (result.status, result.stdout, result.stderr)
    }

    static func pythonCanImport(_ modules: String) -> Bool {
        TestPython.canImport(modules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
