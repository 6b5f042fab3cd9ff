/// The source of one code cell, as the linter needs it.
public struct NotebookCodeCell: Sendable, Hashable {
    /// The 0-based index of the cell among all cells (what `path:cell_N:…` shows).
    public var index: Int
    /// The cell's source text.
    public var source: String

    /// Creates a code cell.
    /// - Parameters:
    ///   - index: The index among all cells.
    ///   - source: The source text.
    public init(index: Int, source: String) {
        self.index = index
        self.source = source
    }
}
