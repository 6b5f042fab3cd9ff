/// Small helpers for the slash-separated paths the linter reports.
public enum LintPath {
    /// The directory part of a path (`""` for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component.
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `other` resolved against the directory of `path`, normalised.
    public static func sibling(_ other: String, of path: String) -> String {
        if other.hasPrefix("/") { return normalise(other) }
        let directory = directory(of: path)
        return normalise(directory.isEmpty ? other : directory + "/" + other)
    }

    /// Removes `.` components and folds `..` where possible.
    public static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
