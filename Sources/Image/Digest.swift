import Crypto

/// A content digest, `sha256:<64 hex>`.
public struct Digest: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 64 lower-case hex digits.
    public var hex: String

    /// Wraps hex digits.
    /// - Parameter hex: 64 lower-case hex digits.
    public init(hex: String) {
        self.hex = hex
    }

    /// Parses `sha256:<hex>`.
    /// - Parameter string: The digest string.
    /// - Returns: `nil` unless it is a well-formed sha256 digest.
    public init?(parsing string: String) {
        guard string.hasPrefix("sha256:") else { return nil }
        let hex = String(string.dropFirst(7))
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        self.hex = hex
    }

    /// The digest of `bytes`.
    /// - Parameter bytes: The content.
    /// - Returns: Its sha256 digest.
    public static func of(_ bytes: [UInt8]) -> Digest {
        Digest(hex: SHA256.hash(data: bytes).hexString)
    }

    public var description: String { "sha256:\(hex)" }

    /// Where the blob lives in an OCI layout: `blobs/sha256/<hex>`.
    public var blobPath: String { "blobs/sha256/\(hex)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = Digest(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a sha256 digest: \(text)"))
        }
        self = digest
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.hex < rhs.hex }
}
