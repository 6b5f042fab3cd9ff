/// An expression with its source range.
public struct Expression: Sendable, Equatable {
    /// What the expression is.
    public var kind: ExpressionKind
    /// Where it is.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: ExpressionKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
