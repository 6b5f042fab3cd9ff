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

    /// Parses the text (on its UTF-8 bytes: the bundled tables are parsed at every start).
    /// - Parameter text: The file's contents.
    init(_ text: String) {
        var columns: [String] = []
        var rows: [Row] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var number = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                number += 1
                defer { start = end + 1 }
                var line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                if line.allSatisfy(Self.isSpace) || line.first == UInt8(ascii: "#") { continue }
                let cells = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Self.trimmed)
                if columns.isEmpty {
                    columns = cells
                } else {
                    rows.append(Row(line: number, cells: cells))
                }
            }
        }
        self.columns = columns
        self.rows = rows
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// A cell without leading and trailing spaces, tabs and line breaks.
    private static func trimmed(_ cell: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard let first = cell.firstIndex(where: { !isSpace($0) }), let last = cell.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: cell[first...last]), as: UTF8.self)
    }
}
