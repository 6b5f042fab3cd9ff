/// A PEP 508 requirement: `name[extra,…] specifiers ; marker` or `name[extra] @ url ; marker`.
///
/// Markers are kept as text (nbship does not evaluate them). Pip's bare VCS and archive URLs
/// (`git+https://host/org/repo.git@v1.0#egg=name`, `https://…/name-1.0-py3-none-any.whl`)
/// are accepted when the name can be read from the `#egg=` fragment or the wheel's file name.
public struct Requirement: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The distribution name as written.
    public var name: String
    /// The extras, lower-cased and sorted, without duplicates.
    public var extras: [String]
    /// The version clauses (empty for a URL requirement or an unconstrained name).
    public var specifiers: SpecifierSet
    /// The direct URL (`https://…`, `git+https://…@rev`, `file:…`), if any.
    public var url: String?
    /// The environment marker after `;`, as written (trimmed).
    public var marker: String?

    /// Creates a requirement from its parts.
    /// - Parameters:
    ///   - name: The distribution name.
    ///   - extras: The extras.
    ///   - specifiers: The version clauses.
    ///   - url: A direct URL, if any.
    ///   - marker: An environment marker, if any.
    public init(name: String, extras: [String] = [], specifiers: SpecifierSet = SpecifierSet(), url: String? = nil, marker: String? = nil) {
        self.name = name
        self.extras = Array(Set(extras.map { $0.lowercased() })).sorted()
        self.specifiers = specifiers
        self.url = url
        self.marker = marker
    }

    /// The PEP 503 normalised name.
    public var normalizedName: String { DistributionName.normalize(name) }

    /// Whether the requirement names exactly one artifact: an `==`/`===` pin, a VCS URL at a
    /// full commit hash, or an archive URL carrying a hash fragment.
    public var isPinned: Bool {
        if let url {
            return Self.urlIsPinned(url)
        }
        return specifiers.exactPin != nil
    }

    /// Whether the URL is a VCS URL (`git+`, `hg+`, `svn+`, `bzr+`).
    public var isVCS: Bool {
        guard let url else { return false }
        return ["git+", "hg+", "svn+", "bzr+"].contains { url.lowercased().hasPrefix($0) }
    }

    public var description: String {
        var text = normalizedName
        if !extras.isEmpty {
            text += "[" + extras.joined(separator: ",") + "]"
        }
        if let url {
            text += " @ " + url
            if marker != nil { text += " " }
        } else {
            text += specifiers.description
        }
        if let marker {
            text += "; " + marker
        }
        return text
    }

    static func urlIsPinned(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.contains("#sha256=") || lowered.contains("&sha256=") {
            return true
        }
        guard ["git+", "hg+"].contains(where: { lowered.hasPrefix($0) }) else { return false }
        // The revision follows the last '@' of the path (not the user-info part).
        let withoutFragment = lowered.split(separator: "#", maxSplits: 1).first.map(String.init) ?? lowered
        guard let schemeEnd = withoutFragment.range(of: "://") else { return false }
        let afterScheme = withoutFragment[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return false }
        let path = afterScheme[slash...]
        guard let at = path.lastIndex(of: "@") else { return false }
        let revision = path[path.index(after: at)...]
        let isHex = revision.allSatisfy { $0.isHexDigit }
        return isHex && (revision.count == 40 || revision.count == 64)
    }
}
