/// Text assembled from pieces of a file (a Dockerfile instruction joined across `\` line
/// continuations, a notebook line after `!`), remembering for every byte the offset it came
/// from, so findings point at the original spot.
public struct MappedText: Sendable, Hashable {
    /// The assembled UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    /// For each byte, its offset in the original file.
    public private(set) var offsets: [Int] = []
    /// The original offset just past the end (used for empty or end positions).
    public var endOffset: Int

    /// Creates an empty text that ends at an original offset.
    /// - Parameter endOffset: The offset to report for the end.
    public init(endOffset: Int = 0) {
        self.endOffset = endOffset
    }

    /// Creates a text that is one contiguous piece of the original.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - start: The offset of the first byte in the original.
    public init<C: Collection>(bytes: C, start: Int) where C.Element == UInt8 {
        self.bytes = Array(bytes)
        self.offsets = Array(start..<(start + self.bytes.count))
        self.endOffset = start + self.bytes.count
    }

    /// Appends bytes taken from the original at `start`.
    mutating func append<C: Collection>(_ piece: C, from start: Int) where C.Element == UInt8 {
        bytes.append(contentsOf: piece)
        offsets.append(contentsOf: start..<(start + piece.count))
        endOffset = start + piece.count
    }

    /// Removes bytes from the end.
    mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
        offsets.removeLast(count)
    }

    /// The original offset of the byte at `index` (or the end offset past the end).
    public func originalOffset(at index: Int) -> Int {
        index < offsets.count ? offsets[index] : endOffset
    }

    /// The bytes from `index` on, keeping their mapping.
    public func suffix(from index: Int) -> MappedText {
        var text = MappedText(endOffset: endOffset)
        text.bytes = Array(bytes[min(index, bytes.count)...])
        text.offsets = Array(offsets[min(index, offsets.count)...])
        return text
    }

    /// The text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
