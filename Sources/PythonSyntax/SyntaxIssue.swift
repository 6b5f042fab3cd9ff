import Diagnostics

/// A syntax error in a cell, located relative to the cell's source.
///
/// The caller turns it into a ``Diagnostics/Diagnostic`` with the notebook path and cell index
/// (see ``diagnostic(path:cell:)``). Messages follow CPython's wording where practical.
public struct SyntaxIssue: Sendable, Hashable, Codable {
    /// The stable diagnostic id, `python.syntax`.
    public static let id = "python.syntax"

    /// Lower-case message, close to CPython's (`invalid syntax`, `unexpected indent`).
    public var message: String
    /// Where the problem is, relative to the cell.
    public var position: SourcePosition

    /// Creates an issue.
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - position: Where.
    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// 1-based line relative to the cell.
    public var line: Int { position.line }
    /// 1-based column relative to the cell, in Unicode scalars.
    public var column: Int { position.column }

    /// The issue as an error diagnostic located in a file or notebook cell.
    /// - Parameters:
    ///   - path: The file the cell belongs to.
    ///   - cell: The 0-based cell index, or `nil` for a plain file.
    /// - Returns: An error diagnostic with id `python.syntax`.
    public func diagnostic(path: String, cell: Int?) -> Diagnostic {
        .error(Self.id, message, at: SourceLocation(path: path, cell: cell, line: line, column: column))
    }
}
