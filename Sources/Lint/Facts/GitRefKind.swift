/// How firmly a git ref (or a version in a URL) names fixed content.
public enum GitRefKind: Int, Sendable, Hashable, Codable, Comparable {
    /// No ref: the default branch.
    case missing
    /// A branch or any name that is not a version (`main`, `release/v1`, a short SHA).
    case branch
    /// A version tag that moves with releases (`v4`, `v4.1`, `~latest`).
    case movingTag
    /// An exact release tag (`v4.1.7`, `1.2.3-rc.1`).
    case exactTag
    /// A full commit SHA (40 or 64 hex digits).
    case commit

    public static func < (lhs: GitRefKind, rhs: GitRefKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Classifies a ref.
    /// - Parameter ref: The ref, or `nil`.
    /// - Returns: Its kind.
    public static func classify(_ ref: String?) -> GitRefKind {
        guard let ref, !ref.isEmpty else { return .missing }
        if (ref.count == 40 || ref.count == 64), ref.allSatisfy(\.isHexDigit) { return .commit }
        if ref == "~latest" || ref.lowercased() == "latest" { return .movingTag }
        var version = Substring(ref)
        if version.hasPrefix("refs/tags/") { version = version.dropFirst("refs/tags/".count) }
        if version.first == "v" || version.first == "V" { version = version.dropFirst() }
        var core = version
        if let suffix = core.firstIndex(where: { $0 == "-" || $0 == "+" }) { core = core[..<suffix] }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return .branch }
        return parts.count >= 3 ? .exactTag : .movingTag
    }
}
