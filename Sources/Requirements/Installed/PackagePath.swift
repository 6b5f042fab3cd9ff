/// A path of a distribution's file list as `importlib.metadata.PackagePath` (a
/// `PurePosixPath`) sees it: `parts`, `name` and `suffix`.
struct PackagePath: Hashable {
    /// The components: the root (`/` or `//`) first when there is one; empty and `.`
    /// components removed, `..` kept.
    let parts: [String]

    /// Splits a path.
    /// - Parameter text: The path as listed.
    init(_ text: String) {
        var parts: [String] = []
        if text.hasPrefix("//"), !text.hasPrefix("///") {
            parts.append("//")
        } else if text.hasPrefix("/") {
            parts.append("/")
        }
        for component in text.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
            parts.append(String(component))
        }
        self.parts = parts
    }

    /// The last component (empty for a root alone or an empty path).
    var name: String {
        guard let last = parts.last, last != "/", last != "//" else { return "" }
        return last
    }

    /// The suffix of ``name``: from its last dot, unless that dot is first or last.
    var suffix: String {
        let name = name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return "" }
        return String(name[dot...])
    }

    /// ``name`` without ``suffix``.
    var stem: String {
        String(name.dropLast(suffix.count))
    }
}
