import Diagnostics

/// Turns byte offsets in a notebook file into locations.
///
/// Lines come from the newline offsets the scanner recorded while parsing (no second pass
/// over a 100 MB file); the column is counted by ``Diagnostics/LineIndex`` over that one
/// line. On the first line a UTF-8 byte order mark does not count as a column.
struct Locator {
    let path: String
    let storage: ByteStorage
    let newlines: [Int]
    let bomLength: Int

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
        var lineStart = line >= 2 && line - 2 < newlines.count ? newlines[line - 2] + 1 : 0
        if lineStart == 0 {
            lineStart = min(bomLength, offset)
        }
        let lineStart2 = min(lineStart, offset)
        let index = LineIndex(storage.copy(lineStart2..<offset))
        let (extraLine, column) = index.lineAndColumn(of: offset - lineStart2)
        return SourceLocation(path: path, line: line + extraLine - 1, column: column)
    }

    /// The location of the start of the file (after a byte order mark).
    var start: SourceLocation {
        SourceLocation(path: path, line: 1, column: 1)
    }
}
