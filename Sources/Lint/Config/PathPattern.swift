#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path pattern from `.nbship.toml`'s `exclude`, matched against repository-relative paths
/// (`./` prefixes ignored):
/// - `dir/` or `dir/**` — everything under that folder, at any depth;
/// - otherwise a shell glob (`fnmatch`) where `*` and `?` also match `/`, so `*.lock` and
///   `docs/*` reach into subfolders.
public struct PathPattern: Sendable, Hashable {
    /// The pattern as written.
    public var text: String

    /// Wraps a pattern.
    /// - Parameter text: The pattern as written in the configuration.
    public init(_ text: String) {
        self.text = text
    }

    /// Whether the pattern matches a path.
    /// - Parameter path: A path relative to the repository (or the current folder).
    /// - Returns: `true` when the path is excluded.
    public func matches(_ path: String) -> Bool {
        let path = Self.normalised(path)
        var pattern = Self.normalised(text)
        if pattern.hasSuffix("/**") { pattern.removeLast(2) }
        if pattern.hasSuffix("/") {
            return path.hasPrefix(pattern) || path + "/" == pattern
        }
        return fnmatch(pattern, path, 0) == 0
    }

    private static func normalised(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") { result = result.dropFirst(2) }
        return String(result)
    }
}
