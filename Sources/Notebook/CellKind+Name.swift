extension CellKind {
    /// The kind for a `cell_type` as written: `code`, `markdown`, `raw`, else `.other`.
    /// - Parameter name: The `cell_type` value.
    public init(name: String) {
        switch name {
        case "code": self = .code
        case "markdown": self = .markdown
        case "raw": self = .raw
        default: self = .other(name)
        }
    }
}
