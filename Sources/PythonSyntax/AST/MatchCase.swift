/// A `case pattern [if guard]:` block.
public struct MatchCase: Sendable, Equatable {
    /// The pattern.
    public var pattern: Pattern
    /// The guard.
    public var guardExpression: Expression?
    /// The body.
    public var body: [Statement]

    /// Creates a case.
    public init(pattern: Pattern, guardExpression: Expression?, body: [Statement]) {
        self.pattern = pattern
        self.guardExpression = guardExpression
        self.body = body
    }
}
