/// A point in a cell's source: byte offset plus 1-based line and column.
///
/// Columns count Unicode scalars (like ``Diagnostics/LineIndex``), so they line up with what an
/// editor shows; `offset` counts UTF-8 bytes from the start of the source.
public struct SourcePosition: Sendable, Hashable, Codable {
    /// UTF-8 byte offset from the start of the source.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a position.
    /// - Parameters:
    ///   - offset: UTF-8 byte offset.
    ///   - line: 1-based line.
    ///   - column: 1-based column in scalars.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The start of a source.
    public static let start = SourcePosition(offset: 0, line: 1, column: 1)
}
