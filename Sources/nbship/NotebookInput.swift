import Diagnostics
import Notebook

/// Reads the notebook a command was given; every failure is a located diagnostic.
enum NotebookInput {
    static func read(_ path: String) throws(DiagnosticError) -> ReadResult {
        // Maps the file instead of copying it: reading stays fast however large the outputs.
        try NotebookReader().read(contentsOf: path)
    }
}
