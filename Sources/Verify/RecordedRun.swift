import Diagnostics
import Notebook
import Refactor

/// Another run of the same notebook whose outputs are the values to check (`convert
/// --results-from RUN.ipynb`): the notebook executed again in the project's environment, when
/// its own outputs were recorded with other library versions.
public struct RecordedRun: Sendable, Equatable {
    /// The run's path, as the user gave it.
    public var path: String
    /// The run.
    public var notebook: Notebook

    /// Creates a run.
    public init(path: String, notebook: Notebook) {
        self.path = path
        self.notebook = notebook
    }

    /// The plan with the run's outputs and execution counts in place of the notebook's own.
    /// - Parameter plan: The notebook's plan.
    /// - Returns: The same plan, outputs from the run.
    /// - Throws: `convert.results-from-mismatch` when the run's cells are not the notebook's
    ///   (another cell count, or a code cell whose source differs), located at the first difference.
    public func applied(to plan: NotebookPlan) throws(DiagnosticError) -> NotebookPlan {
        let cells = notebook.cells
        guard cells.count == plan.analysis.cells.count else {
            throw DiagnosticError(.error("convert.results-from-mismatch",
                                         "\(path) has \(cells.count) cells, the notebook \(plan.analysis.cells.count): it is not a run of the same notebook",
                                         at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var plan = plan
        for index in plan.analysis.cells.indices {
            let own = plan.analysis.cells[index].cell
            let run = cells[index]
            guard own.kind == run.kind, own.source == run.source else {
                throw DiagnosticError(.error("convert.results-from-mismatch",
                                             "cell \(index) of \(path) differs from the notebook's: it is not a run of the same notebook",
                                             at: SourceLocation(path: path, cell: index, line: 1, column: 1),
                                             notes: ["re-run the notebook itself and save it under another name, then pass that file"]))
            }
            plan.analysis.cells[index].cell.outputs = run.outputs
            plan.analysis.cells[index].cell.executionCount = run.executionCount
        }
        plan.analysis.notebook.metadata = notebook.metadata
        return plan
    }
}
