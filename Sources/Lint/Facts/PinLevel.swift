/// How firmly a package install fixes what gets installed.
public enum PinLevel: Int, Sendable, Hashable, Codable, Comparable {
    /// No version at all: whatever is newest at install time.
    case none
    /// A range or a movable reference (`>=2`, `~=1.4`, `==1.*`, a VCS branch or tag).
    case constrained
    /// Exactly one version (`==1.2.3`, `===1.2.3`, a VCS commit hash, a local file).
    case exact

    public static func < (lhs: PinLevel, rhs: PinLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
