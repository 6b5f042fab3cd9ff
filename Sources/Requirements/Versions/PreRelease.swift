/// The pre-release part of a ``Version`` (`a1`, `b2`, `rc1`).
public struct PreRelease: Sendable, Hashable, Comparable, Codable {
    /// The phase, in PEP 440's order: alpha, beta, release candidate.
    public enum Kind: String, Sendable, Hashable, Comparable, Codable {
        case alpha = "a"
        case beta = "b"
        case candidate = "rc"

        private var rank: Int {
            switch self {
            case .alpha: 0
            case .beta: 1
            case .candidate: 2
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    /// The phase.
    public var kind: Kind
    /// The number after the phase (0 when not written, as in `1.0a`).
    public var number: Int

    /// Creates a pre-release.
    /// - Parameters:
    ///   - kind: The phase.
    ///   - number: The number after it.
    public init(_ kind: Kind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    public static func < (lhs: PreRelease, rhs: PreRelease) -> Bool {
        (lhs.kind, lhs.number) < (rhs.kind, rhs.number)
    }
}
