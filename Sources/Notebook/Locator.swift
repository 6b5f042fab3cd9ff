import Diagnostics

/// Turns byte offsets in a notebook file into locations.
///
/// Lines come from the newline offsets the scanner recorded while parsing (no second pass
/// over a 100 MB file); the column is counted by ``Diagnostics/LineIndex`` over the part of
/// that line before the offset. On the first line a UTF-8 byte order mark does not count
/// as a column. The last column computed is remembered, so locating many spots on one long
/// line (a minified notebook) in file order stays linear.
struct Locator {
    let path: String
    let storage: ByteStorage
    let newlines: [Int]
    let bomLength: Int
    private let memo = ColumnMemo()

    init(path: String, storage: ByteStorage, newlines: [Int], bomLength: Int) {
        self.path = path
        self.storage = storage
        self.newlines = newlines
        self.bomLength = bomLength
    }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int {
        // Number of newlines strictly before `offset`.
        var low = 0
        var high = newlines.count
        while low < high {
            let mid = (low + high) / 2
            if newlines[mid] < offset {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low + 1
    }

    /// The location of a byte offset (clamped to the file).
    func location(of offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, storage.count))
        let line = line(of: offset)
        var lineStart = line >= 2 && line - 2 < newlines.count ? newlines[line - 2] + 1 : min(bomLength, offset)
        lineStart = min(lineStart, offset)
        var from = lineStart
        var column = 1
        if memo.line == line, memo.offset >= lineStart, memo.offset <= offset {
            from = memo.offset
            column = memo.column
        }
        let index = LineIndex(storage.copy(from..<offset))
        let (extraLines, counted) = index.lineAndColumn(of: offset - from)
        // A newline the scanner did not record (it never happens for text it accepted)
        // restarts the column count rather than going wrong.
        column = extraLines > 1 ? counted : column + counted - 1
        memo.line = line
        memo.offset = offset
        memo.column = column
        return SourceLocation(path: path, line: line + extraLines - 1, column: column)
    }
}

/// The last column computed by a ``Locator``.
private final class ColumnMemo {
    var line = 0
    var offset = 0
    var column = 1
}
