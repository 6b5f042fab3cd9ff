import Diagnostics

/// Reads a notebook's code cells. A minimal JSON reader is built in
/// (``NotebookFileCellReader``, the project's notebook reader); tests may supply another.
public protocol NotebookCellReading: Sendable {
    /// The code cells of a notebook.
    /// - Parameters:
    ///   - text: The `.ipynb` text.
    ///   - path: The file, for diagnostics.
    /// - Returns: The code cells in order.
    /// - Throws: ``DiagnosticError`` when the notebook cannot be read.
    func codeCells(in text: String, path: String) throws(DiagnosticError) -> [NotebookCodeCell]
}
