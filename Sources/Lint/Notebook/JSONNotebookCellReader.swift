import Diagnostics
import Foundation

/// The minimal built-in notebook reader: Foundation's JSON parser, `cells[*]` with
/// `cell_type == "code"`, `source` as a string or a list of strings.
public struct JSONNotebookCellReader: NotebookCellReading {
    /// Creates the reader.
    public init() {}

    public func codeCells(in text: String, path: String) throws(DiagnosticError) -> [NotebookCodeCell] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw DiagnosticError(.error(
                "lint.parse-error", "notebook is not valid JSON", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let notebook = object as? [String: Any], let cells = notebook["cells"] as? [Any] else {
            throw DiagnosticError(.error(
                "lint.parse-error", "notebook has no 'cells' list (nbformat 4 expected)",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return cells.enumerated().compactMap { index, cell in
            guard let cell = cell as? [String: Any], cell["cell_type"] as? String == "code" else { return nil }
            let source: String
            if let lines = cell["source"] as? [String] {
                source = lines.joined()
            } else {
                source = cell["source"] as? String ?? ""
            }
            return NotebookCodeCell(index: index, source: source)
        }
    }
}
