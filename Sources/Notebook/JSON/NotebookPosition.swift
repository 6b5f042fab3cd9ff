/// Where the parser is inside a notebook's JSON, which decides which values are kept raw:
/// a cell's `outputs` and `attachments` are validated and kept as bytes, never decoded.
enum NotebookPosition: Sendable, Equatable {
    case root
    /// The `cells` array (top level in v4, inside a worksheet in v2/v3).
    case cellList
    case cell
    /// The v2/v3 `worksheets` array.
    case worksheetList
    case worksheet
    case other
    /// Keep this value raw.
    case raw

    /// The position of the value of member `key` of an object at this position.
    func member(_ key: String) -> NotebookPosition {
        switch self {
        case .root:
            if key == "cells" { return .cellList }
            if key == "worksheets" { return .worksheetList }
            return .other
        case .worksheet:
            return key == "cells" ? .cellList : .other
        case .cell:
            return key == "outputs" || key == "attachments" ? .raw : .other
        case .cellList, .worksheetList, .other, .raw:
            return .other
        }
    }

    /// The position of an element of an array at this position.
    var element: NotebookPosition {
        switch self {
        case .cellList: .cell
        case .worksheetList: .worksheet
        default: .other
        }
    }
}
