/// A replacement of a byte range of one file's text.
public struct TextEdit: Sendable, Hashable {
    /// The file.
    public var path: String
    /// The UTF-8 byte range replaced.
    public var range: Range<Int>
    /// The new bytes' text.
    public var replacement: String

    /// Creates an edit.
    public init(path: String, range: Range<Int>, replacement: String) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }

    /// Applies non-overlapping edits to a text (overlapping ones after the first are dropped).
    /// - Parameters:
    ///   - edits: The edits of this text.
    ///   - text: The text.
    /// - Returns: The edited text.
    public static func apply(_ edits: [TextEdit], to text: String) -> String {
        var bytes = Array(text.utf8)
        var lastStart = Int.max
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard edit.range.upperBound <= lastStart, edit.range.upperBound <= bytes.count else { continue }
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            lastStart = edit.range.lowerBound
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset of a 1-based line and column (columns count Unicode scalars).
    static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        var current = 1
        var index = 0
        while current < line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            current += 1
        }
        var scalars = 1
        while scalars < column {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\n") else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            scalars += 1
        }
        return index
    }
}
