import Foundation

/// Classifies one pip requirement (PEP 508 string, URL, VCS URL or local path) by how firmly
/// it fixes the installed version.
public enum PythonRequirement {
    /// The name and pin level of a requirement.
    /// - Parameter text: A requirement as pip reads it (`pandas>=2`, `x @ git+https://…@<sha>`,
    ///   `./pkg`, `https://…/x.zip`).
    /// - Returns: The package name (or the text, for paths and URLs) and its pin level.
    public static func classify(_ text: String) -> (name: String, pin: PinLevel) {
        let text = text.trimmingSpaces
        if let at = text.firstIndex(of: "@"), !text[..<at].contains("://"),
           text[text.index(after: at)...].contains("://") {
            let name = text[..<at].trimmingSpaces
            let url = text[text.index(after: at)...].trimmingSpaces
            return (baseName(name), classifyURL(url).pin)
        }
        if text.contains("://") || isVCS(text) {
            return classifyURL(text)
        }
        if isLocal(text) {
            return (text, .exact)
        }
        let name = baseName(text)
        var rest = text.dropFirst(name.count).trimmingSpaces
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            rest = String(rest[rest.index(after: close)...])
        }
        if let semicolon = rest.firstIndex(of: ";") { rest = String(rest[..<semicolon]) }
        rest = rest.filter { $0 != "(" && $0 != ")" && $0 != " " && $0 != "\t" }
        return (name, pinLevel(ofSpecifiers: rest))
    }

    /// The pin level of a comma-separated specifier set such as `>=1,<2` or `==1.2.3`.
    /// - Parameter specifiers: The specifiers without spaces.
    /// - Returns: `.none` for an empty set, `.exact` when one clause is `===x` or `==x`
    ///   without a wildcard, otherwise `.constrained`.
    public static func pinLevel(ofSpecifiers specifiers: String) -> PinLevel {
        guard !specifiers.isEmpty else { return .none }
        for clause in specifiers.split(separator: ",") {
            if clause.hasPrefix("===") { return .exact }
            if clause.hasPrefix("=="), !clause.contains("*") { return .exact }
        }
        return .constrained
    }

    /// The distribution name at the start of a requirement.
    static func baseName(_ text: String) -> String {
        String(text.prefix { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" })
    }

    /// PEP 503 normalisation: lower-case, runs of `-_.` become `-`.
    public static func normalise(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    static func isVCS(_ text: String) -> Bool {
        ["git+", "hg+", "svn+", "bzr+"].contains { text.hasPrefix($0) }
    }

    static func isLocal(_ text: String) -> Bool {
        if text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~") || text.contains("/") || text.contains("\\") {
            return true
        }
        let archives = [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip"]
        return archives.contains { text.lowercased().hasSuffix($0) }
    }

    /// A VCS URL is exact only with a full commit hash after `@`; a branch or tag is a
    /// movable reference; an archive URL names fixed content.
    static func classifyURL(_ url: String) -> (name: String, pin: PinLevel) {
        var name = url
        if let egg = url.range(of: "#egg=") {
            name = baseName(String(url[egg.upperBound...]))
        }
        guard isVCS(url) || url.hasPrefix("git://") else { return (name, .exact) }
        var withoutFragment = Substring(url)
        if let hash = withoutFragment.firstIndex(of: "#") { withoutFragment = withoutFragment[..<hash] }
        guard let scheme = withoutFragment.range(of: "://") else { return (name, .none) }
        let afterScheme = withoutFragment[scheme.upperBound...]
        let path = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? ""
        guard let at = path.lastIndex(of: "@") else { return (name, .none) }
        let ref = path[path.index(after: at)...]
        let isCommit = (ref.count == 40 || ref.count == 64) && ref.allSatisfy(\.isHexDigit)
        return (name, isCommit ? .exact : .constrained)
    }
}
