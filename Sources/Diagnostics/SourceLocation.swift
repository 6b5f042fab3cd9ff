/// Where a diagnostic points: a file, optionally a notebook cell inside it, and a
/// 1-based line and column.
///
/// For a plain file `line`/`column` count in the file. For a notebook cell (`cell != nil`)
/// they count inside that cell's source, and the location renders the way nbqa does:
/// `path:cell_N:line:col`, where `N` is the 0-based index of the cell among all cells.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file the location is in, as given by the user (not made absolute).
    public var path: String
    /// The 0-based index of the notebook cell, or `nil` for a location in a plain file.
    public var cell: Int?
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - cell: The 0-based cell index inside a notebook, if any.
    ///   - line: 1-based line.
    ///   - column: 1-based column.
    public init(path: String, cell: Int? = nil, line: Int, column: Int) {
        self.path = path
        self.cell = cell
        self.line = line
        self.column = column
    }

    /// `path:line:col`, or `path:cell_N:line:col` inside a notebook cell.
    public var rendered: String {
        if let cell {
            return "\(path):cell_\(cell):\(line):\(column)"
        }
        return "\(path):\(line):\(column)"
    }
}
