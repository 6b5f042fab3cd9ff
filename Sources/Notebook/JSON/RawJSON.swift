/// A JSON value kept as its exact bytes, validated but not decoded.
///
/// Cell outputs and attachments (often megabytes of base64) are read this way: the reader
/// checks their syntax in a tight loop and keeps a view into the file's bytes, so large
/// outputs cost a scan and nothing more. The bytes are shared, not copied.
public struct RawJSON: Sendable, Equatable, CustomStringConvertible {
    private let storage: ByteStorage
    private let range: Range<Int>

    init(storage: ByteStorage, range: Range<Int>) {
        self.storage = storage
        self.range = range
    }

    /// Creates raw JSON from text the caller vouches for (used by tests and writers).
    /// - Parameter text: JSON text.
    public init(unchecked text: String) {
        let bytes = Array(text.utf8)
        self.storage = ByteStorage(bytes)
        self.range = 0..<bytes.count
    }

    /// The number of bytes.
    public var count: Int { range.count }

    /// The bytes, exactly as in the file.
    public var bytes: ArraySlice<UInt8> { storage.bytes[range] }

    /// The JSON text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var description: String { text }

    /// Whether the value is an empty array or object (`[]`, `{}`), ignoring whitespace.
    public var isEmptyContainer: Bool {
        var significant = bytes.lazy.filter { !JSONScanner.isWhitespace($0) }.makeIterator()
        guard let first = significant.next(), let second = significant.next() else { return false }
        return significant.next() == nil
            && ((first == UInt8(ascii: "[") && second == UInt8(ascii: "]"))
                || (first == UInt8(ascii: "{") && second == UInt8(ascii: "}")))
    }

    public static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes)
    }
}

/// Immutable bytes shared by every ``RawJSON`` cut from one file.
final class ByteStorage: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}
