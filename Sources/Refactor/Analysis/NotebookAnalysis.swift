import Diagnostics
import Notebook

/// The output of the **lower** and **analyse** stages over a whole notebook.
public struct NotebookAnalysis: Sendable, Equatable {
    /// The notebook's path, as the user gave it (for diagnostics).
    public var path: String
    /// The notebook as read.
    public var notebook: Notebook
    /// Every cell, in order, with its lowering and facts.
    public var cells: [AnalysedCell]
    /// Recoverable problems: syntax errors, unsupported cells, hidden state, secrets.
    public var diagnostics: [Diagnostic]

    /// Creates an analysis.
    public init(path: String, notebook: Notebook, cells: [AnalysedCell], diagnostics: [Diagnostic]) {
        self.path = path
        self.notebook = notebook
        self.cells = cells
        self.diagnostics = diagnostics
    }

    /// The analysed code cells, in order.
    public var codeCells: [AnalysedCell] {
        cells.filter { $0.cell.kind == .code }
    }
}
