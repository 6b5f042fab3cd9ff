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

    /// Decodes the value into a tree, for the rare caller that needs to look inside
    /// (which output types a cell has, say). Costs what the reader saved; use sparingly.
    /// - Returns: The value, or `nil` if the bytes are not one JSON value.
    public func decoded() -> JSONValue? {
        withUnsafeBytes { buffer -> JSONValue? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var scanner = JSONScanner(base: base, count: buffer.count, start: 0)
            do throws(JSONSyntaxError) {
                let node = try scanner.parseValue(at: .other, depth: 0)
                scanner.skipWhitespace()
                return scanner.position == buffer.count ? node.jsonValue : nil
            } catch {
                return nil
            }
        }
    }

    /// Whether the value is an empty array or object (`[]`, `{}`), ignoring whitespace.
    public var isEmptyContainer: Bool {
        withUnsafeBytes { buffer in
            var significant: [UInt8] = []
            for byte in buffer where !JSONScanner.isWhitespace(byte) {
                significant.append(byte)
                if significant.count > 2 { return false }
            }
            return significant == [UInt8(ascii: "["), UInt8(ascii: "]")]
                || significant == [UInt8(ascii: "{"), UInt8(ascii: "}")]
        }
    }

    public static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
    }
}
