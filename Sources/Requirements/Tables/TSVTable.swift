/// Reads the tab-separated data files under `Resources/`: `#` lines and blank lines are
/// comments, the first other line names the columns, and missing trailing cells are empty.
struct TSVTable: Sendable {
    /// One data row with its 1-based line number in the file.
    struct Row: Sendable {
        var line: Int
        var cells: [String]

        /// The cell at `index`, or an empty string past the end.
        subscript(_ index: Int) -> String {
            index < cells.count ? cells[index] : ""
        }
    }

    var columns: [String]
    var rows: [Row]

    /// Parses the text.
    /// - Parameter text: The file's contents.
    init(_ text: String) {
        var columns: [String] = []
        var rows: [Row] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.trimmingSpacesSubstring().isEmpty || line.hasPrefix("#") {
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            if columns.isEmpty {
                columns = cells
            } else {
                rows.append(Row(line: offset + 1, cells: cells))
            }
        }
        self.columns = columns
        self.rows = rows
    }
}

extension Substring {
    fileprivate func trimmingSpacesSubstring() -> String {
        String(self).trimmingSpaces()
    }
}
