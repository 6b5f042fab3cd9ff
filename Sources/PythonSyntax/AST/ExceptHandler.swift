/// An `except [type [as name]]:` clause.
public struct ExceptHandler: Sendable, Equatable {
    /// The exception type expression.
    public var type: Expression?
    /// The bound name.
    public var name: String?
    /// The handler body.
    public var body: [Statement]
    /// Where the clause is.
    public var range: SourceRange

    /// Creates a handler.
    public init(type: Expression?, name: String?, body: [Statement], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}
