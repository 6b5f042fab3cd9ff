import Diagnostics
import Foundation
import Notebook

/// Reads the notebook a command was given, turning every failure into a located diagnostic.
enum NotebookInput {
    static func read(_ path: String) throws(DiagnosticError) -> ReadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw DiagnosticError(.error("notebook.io", reason, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return try NotebookReader().read(Array(data), path: path)
    }
}
