/// Why a text is not a valid image reference; messages follow distribution/reference.
public enum ImageReferenceError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reference is empty.
    case empty
    /// The text does not match the reference grammar; the payload says where.
    case invalidFormat(String)
    /// The repository name has upper-case letters (tags may, names may not).
    case nameContainsUppercase
    /// The name is longer than 255 characters.
    case nameTooLong
    /// The name is a 64-character hex string, which Docker reserves for image ids.
    case hexadecimalName
    /// The tag does not match `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    case invalidTag(String)
    /// The digest's algorithm is not one registries accept.
    case unsupportedDigestAlgorithm(String)
    /// The digest has the wrong number of hex digits for its algorithm.
    case invalidDigestLength(algorithm: String, expected: Int, actual: Int)
    /// The digest is not `algorithm:hex`.
    case invalidDigestFormat(String)

    public var description: String {
        switch self {
        case .empty:
            "repository name must have at least one component"
        case .invalidFormat(let detail):
            "invalid reference format: \(detail)"
        case .nameContainsUppercase:
            "repository name must be lowercase"
        case .nameTooLong:
            "repository name must not be more than 255 characters"
        case .hexadecimalName:
            "repository name cannot be a 64-byte hexadecimal string"
        case .invalidTag(let tag):
            "invalid tag '\(tag)'"
        case .unsupportedDigestAlgorithm(let algorithm):
            "unsupported digest algorithm '\(algorithm)'"
        case .invalidDigestLength(let algorithm, let expected, let actual):
            "invalid digest length: \(algorithm) needs \(expected) hex digits, found \(actual)"
        case .invalidDigestFormat(let digest):
            "invalid digest format '\(digest)'"
        }
    }
}
