/// A statement with its source range (for decorated definitions, from the first decorator).
public struct Statement: Sendable, Equatable {
    /// What the statement is.
    public var kind: StatementKind
    /// Where it is, from its first to its last character.
    public var range: SourceRange

    /// Creates a statement.
    /// - Parameters:
    ///   - kind: The statement.
    ///   - range: Its span.
    public init(_ kind: StatementKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
