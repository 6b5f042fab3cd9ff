/// A half-open span of source, `start..<end`.
public struct SourceRange: Sendable, Hashable, Codable {
    /// The first character of the span.
    public var start: SourcePosition
    /// Just past the last character of the span.
    public var end: SourcePosition

    /// Creates a range.
    /// - Parameters:
    ///   - start: Where the span starts.
    ///   - end: Just past where it ends.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The span from the start of `self` to the end of `other`.
    /// - Parameter other: A range that ends at or after this one.
    /// - Returns: The covering range.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(start: start, end: other.end)
    }
}
