/// A content digest such as `sha256:<64 hex>`, as accepted by the OCI / go-digest rules.
public struct ImageDigest: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The algorithm, e.g. `sha256`.
    public var algorithm: String
    /// The encoded hash (lower-case hex for the registered algorithms).
    public var encoded: String

    /// Creates a digest from parts (no validation).
    /// - Parameters:
    ///   - algorithm: The algorithm name.
    ///   - encoded: The encoded hash.
    public init(algorithm: String, encoded: String) {
        self.algorithm = algorithm
        self.encoded = encoded
    }

    /// `algorithm:encoded`.
    public var description: String { algorithm + ":" + encoded }

    /// The number of hex digits each registered algorithm needs.
    static let registeredLengths: [String: Int] = ["sha256": 64, "sha384": 96, "sha512": 128]
}
