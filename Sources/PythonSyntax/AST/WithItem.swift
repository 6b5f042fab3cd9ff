/// One `expr [as target]` of a `with` statement.
public struct WithItem: Sendable, Equatable {
    /// The context manager expression.
    public var context: Expression
    /// The `as` target.
    public var target: Expression?

    /// Creates a with item.
    public init(context: Expression, target: Expression?) {
        self.context = context
        self.target = target
    }
}
