/// A `match` pattern with its range.
public struct Pattern: Sendable, Equatable {
    /// The pattern.
    public var kind: PatternKind
    /// Where it is.
    public var range: SourceRange

    /// Creates a pattern.
    public init(_ kind: PatternKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
