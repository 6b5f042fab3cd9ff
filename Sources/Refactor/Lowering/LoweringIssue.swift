import Diagnostics

/// Something in a cell that lowering could not turn into equivalent plain Python.
public struct LoweringIssue: Sendable, Equatable, Codable {
    /// A stable dotted id, e.g. `lowering.run-defines-unknown-names`.
    public var id: String
    /// How serious it is for a generated project.
    public var severity: Severity
    /// Lower-case, no final period.
    public var message: String
    /// 1-based line in the cell's source.
    public var line: Int
    /// 1-based column in the cell's source (Unicode scalars).
    public var column: Int

    /// Creates an issue.
    /// - Parameters:
    ///   - id: A stable dotted id.
    ///   - severity: How serious it is.
    ///   - message: Lower-case, no final period.
    ///   - line: 1-based line in the cell.
    ///   - column: 1-based column in the cell.
    public init(id: String, severity: Severity, message: String, line: Int, column: Int) {
        self.id = id
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
    }

    /// The issue as a diagnostic located in a notebook cell.
    /// - Parameters:
    ///   - path: The notebook's path, as the user named it.
    ///   - cell: The 0-based index of the cell among all cells.
    /// - Returns: A diagnostic with this issue's id, severity, message and location.
    public func diagnostic(path: String, cell: Int) -> Diagnostic {
        Diagnostic(id: id, severity: severity, message: message,
                   location: SourceLocation(path: path, cell: cell, line: line, column: column))
    }
}
