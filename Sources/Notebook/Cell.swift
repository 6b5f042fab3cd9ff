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
    /// The cell's `metadata`, as written.
    public var metadata: JSONValue
    /// The `outputs` of a code cell, kept as the exact JSON bytes (never decoded). For a
    /// notebook upgraded from nbformat 2 or 3 they are in that version's output format.
    public var outputs: RawJSON?
    /// The `attachments` (images pasted into markdown), kept as exact JSON bytes.
    public var attachments: RawJSON?
    /// For a raw cell, the target format: `metadata.format`, else `metadata.raw_mimetype`.
    public var rawMimetype: String?

    /// Creates a cell.
    public init(
        index: Int, id: String? = nil, kind: CellKind, source: String, tags: [String] = [],
        executionCount: Int? = nil, sourceLine: Int? = nil, metadata: JSONValue = .object([]),
        outputs: RawJSON? = nil, attachments: RawJSON? = nil, rawMimetype: String? = nil
    ) {
        self.index = index
        self.id = id
        self.kind = kind
        self.source = source
        self.tags = tags
        self.executionCount = executionCount
        self.sourceLine = sourceLine
        self.metadata = metadata
        self.outputs = outputs
        self.attachments = attachments
        self.rawMimetype = rawMimetype
    }
}
