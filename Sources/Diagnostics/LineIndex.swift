/// Turns byte offsets into 1-based line and column numbers.
///
/// Diagnostics are raised with byte offsets (cheap to carry through a scanner) and turned
/// into line:column only when a location is needed. Columns count Unicode scalars, so a
/// non-ASCII character before the spot counts as one column.
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    /// Indexes the given UTF-8 bytes.
    /// - Parameter bytes: The text, as UTF-8.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// Indexes the given text.
    /// - Parameter text: The text.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The number of lines (a final line without a newline counts; an empty text has one).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of a byte offset.
    /// - Parameter offset: A byte offset, clamped to `0...bytes.count`.
    /// - Returns: `(line, column)`, both 1-based; the column counts Unicode scalars.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset {
                low = mid
            } else {
                high = mid - 1
            }
        }
        let start = lineStarts[low]
        var column = 1
        var index = start
        while index < offset {
            // Count only bytes that start a scalar (not UTF-8 continuation bytes).
            if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (low + 1, column)
    }
}
