/// The type of a cell.
public enum CellKind: Sendable, Hashable {
    case code
    case markdown
    case raw
    /// A type this version does not know (nbformat allows future cell types).
    case other(String)

    /// The name as written in the notebook (`code`, `markdown`, `raw`, …).
    public var name: String {
        switch self {
        case .code: "code"
        case .markdown: "markdown"
        case .raw: "raw"
        case .other(let name): name
        }
    }
}
