import Diagnostics
import Notebook

/// Reads code cells with the project's notebook reader, so `nbship lint` and `nbship plan`
/// accept and refuse the same files with the same located errors (nbformat 2–4, any kernel:
/// a lint of an R notebook still finds its `!pip install` lines).
public struct NotebookFileCellReader: NotebookCellReading {
    /// Creates the reader.
    public init() {}

    public func codeCells(in text: String, path: String) throws(DiagnosticError) -> [NotebookCodeCell] {
        let result = try NotebookReader(requirePython: false, allowEmpty: true).read(Array(text.utf8), path: path)
        return result.notebook.cells.compactMap { cell in
            cell.kind == .code ? NotebookCodeCell(index: cell.index, source: cell.source) : nil
        }
    }
}
