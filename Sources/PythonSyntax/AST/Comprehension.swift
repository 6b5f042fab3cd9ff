/// One `for target in iterable if …` clause of a comprehension.
public struct Comprehension: Sendable, Equatable {
    /// The loop target.
    public var target: Expression
    /// The iterable.
    public var iterable: Expression
    /// The `if` filters.
    public var conditions: [Expression]
    /// `async for`.
    public var isAsync: Bool

    /// Creates a clause.
    public init(target: Expression, iterable: Expression, conditions: [Expression], isAsync: Bool) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
        self.isAsync = isAsync
    }
}
