/// A comma-separated list of ``Specifier`` clauses, all of which must hold (`>=1.3,<2`).
public struct SpecifierSet: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The clauses, in the order written.
    public var clauses: [Specifier]

    /// Creates a set from clauses.
    /// - Parameter clauses: The clauses; empty admits every final release.
    public init(_ clauses: [Specifier] = []) {
        self.clauses = clauses
    }

    /// Parses `>=1.3, <2` (an empty text gives an empty set).
    /// - Parameter text: The clauses separated by commas.
    /// - Throws: ``RequirementSyntaxError`` for an invalid clause.
    public init(parsing text: String) throws(RequirementSyntaxError) {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else {
            self.init()
            return
        }
        var clauses: [Specifier] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            clauses.append(try Specifier(parsing: String(part)))
        }
        self.init(clauses)
    }

    /// Whether there are no clauses.
    public var isEmpty: Bool { clauses.isEmpty }

    /// The single exact pin (`==1.2.3` or `===x`), if the set has one.
    public var exactPin: Specifier? {
        clauses.first(where: \.isExactPin)
    }

    public var description: String {
        clauses.map(\.description).joined(separator: ",")
    }

    /// Whether a version satisfies every clause.
    /// - Parameters:
    ///   - version: The version to test.
    ///   - prereleases: `true` to admit pre-releases, `false` to refuse them, `nil` for PEP 440's
    ///     default (admitted only when a clause itself names a pre-release). Pass `true` when
    ///     checking a version that is already installed, as pip does.
    /// - Returns: `true` when every clause admits it.
    public func contains(_ version: Version, prereleases: Bool? = nil) -> Bool {
        let allowPrereleases = prereleases ?? clauses.contains { $0.op != .notEqual && $0.version?.isPrerelease == true }
        if version.isPrerelease, !allowPrereleases {
            return false
        }
        return clauses.allSatisfy { $0.admits(version) }
    }
}
