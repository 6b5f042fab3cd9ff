import Diagnostics

/// Builds the fatal diagnostics the image stages throw.
enum ImageFailure {
    /// A fatal diagnostic about `path` (no line information; it points at a file).
    static func at(_ path: String, _ id: String, _ message: String, notes: [String] = []) -> DiagnosticError {
        DiagnosticError(.error(id, message, at: SourceLocation(path: path, line: 1, column: 1), notes: notes))
    }

    /// A fatal diagnostic without a location.
    static func general(_ id: String, _ message: String, notes: [String] = []) -> DiagnosticError {
        DiagnosticError(.error(id, message, notes: notes))
    }
}
