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

    /// The bytes, exactly as in the file (a copy).
    public var bytes: [UInt8] { storage.copy(range) }

    /// Calls `body` with the bytes, without copying them.
    /// - Parameter body: Gets the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { buffer in
            let lower = max(0, min(range.lowerBound, buffer.count))
            let upper = max(lower, min(range.upperBound, buffer.count))
            return try body(UnsafeBufferPointer(rebasing: buffer[lower..<upper]))
        }
    }

    /// The JSON text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var description: String { text }

    /// Whether the value is an empty array or object (`[]`, `{}`), ignoring whitespace.
    public var isEmptyContainer: Bool {
        let bytes = self.bytes
        var significant = bytes.lazy.filter { !JSONScanner.isWhitespace($0) }.makeIterator()
        guard let first = significant.next(), let second = significant.next() else { return false }
        return significant.next() == nil
            && ((first == UInt8(ascii: "[") && second == UInt8(ascii: "]"))
                || (first == UInt8(ascii: "{") && second == UInt8(ascii: "}")))
    }

    public static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
    }
}
