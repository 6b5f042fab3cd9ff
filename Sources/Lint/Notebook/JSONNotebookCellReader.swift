import Diagnostics
import Foundation

/// The minimal built-in notebook reader: Foundation's JSON parser, `cells[*]` with
/// `cell_type == "code"`, `source` as a string or a list of strings; nbformat 3's
/// `worksheets[*].cells[*].input` too.
public struct JSONNotebookCellReader: NotebookCellReading {
    /// Creates the reader.
    public init() {}

    public func codeCells(in text: String, path: String) throws(DiagnosticError) -> [NotebookCodeCell] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let offset = Self.errorOffset(error) ?? (Self.isEndOfFile(error) ? text.utf8.count : 0)
            let (line, column) = LineIndex(text).lineAndColumn(of: offset)
            throw DiagnosticError(.error(
                "lint.parse-error", "notebook is not valid JSON", at: SourceLocation(path: path, line: line, column: column)))
        }
        guard let notebook = object as? [String: Any] else {
            throw DiagnosticError(.error(
                "lint.parse-error", "notebook is not a JSON object", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var cells = notebook["cells"] as? [Any]
        if cells == nil, let worksheets = notebook["worksheets"] as? [[String: Any]] {
            cells = worksheets.flatMap { $0["cells"] as? [Any] ?? [] }
        }
        guard let cells else {
            throw DiagnosticError(.error(
                "lint.parse-error", "notebook has no 'cells' list", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return cells.enumerated().compactMap { index, cell in
            guard let cell = cell as? [String: Any], cell["cell_type"] as? String == "code" else { return nil }
            let field = cell["source"] ?? cell["input"]
            let source: String
            if let lines = field as? [String] {
                source = lines.joined()
            } else {
                source = field as? String ?? ""
            }
            return NotebookCodeCell(index: index, source: source)
        }
    }

    /// Whether Foundation says the text ended too early.
    static func isEndOfFile(_ error: any Error) -> Bool {
        ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)?.contains("end of file") ?? false
    }

    /// The offset in Foundation's "… around character N." message, if any.
    static func errorOffset(_ error: any Error) -> Int? {
        let nsError = error as NSError
        if let index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int { return index }
        guard let message = nsError.userInfo[NSDebugDescriptionErrorKey] as? String,
              let range = message.range(of: "character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
