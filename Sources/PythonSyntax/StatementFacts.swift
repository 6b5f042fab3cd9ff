/// The facts of one top-level statement, so a cell can be split into pieces later.
public struct StatementFacts: Sendable, Equatable {
    /// The statement's exact range (decorators included).
    public var range: SourceRange
    /// What the statement imports, defines, reads, mutates and calls (resolved in the
    /// context of the whole cell).
    public var facts: CellFacts

    /// Creates statement facts.
    public init(range: SourceRange, facts: CellFacts) {
        self.range = range
        self.facts = facts
    }
}
