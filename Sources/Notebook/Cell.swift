/// One cell of a notebook.
public struct Cell: Sendable, Equatable {
    /// The 0-based position among all cells.
    public var index: Int
    /// The cell id (nbformat 4.5), when present.
    public var id: String?
    /// The cell type.
    public var kind: CellKind
    /// The source, joined into one string.
    public var source: String
    /// `metadata.tags`, when present.
    public var tags: [String]
    /// The execution count of a code cell, when it was run.
    public var executionCount: Int?
    /// 1-based line in the notebook file where this cell's source value starts (for
    /// diagnostics pointing into the JSON), when known.
    public var sourceLine: Int?

    /// Creates a cell.
    public init(index: Int, id: String? = nil, kind: CellKind, source: String, tags: [String] = [], executionCount: Int? = nil, sourceLine: Int? = nil) {
        self.index = index
        self.id = id
        self.kind = kind
        self.source = source
        self.tags = tags
        self.executionCount = executionCount
        self.sourceLine = sourceLine
    }
}
