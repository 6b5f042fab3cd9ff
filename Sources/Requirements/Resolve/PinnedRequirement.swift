/// One line of the generated requirements: a distribution at exactly one version.
public struct PinnedRequirement: Sendable, Hashable, Codable {
    /// Where the version came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A `--require` value.
        case override
        /// A `!pip install` line in the notebook.
        case notebook
        /// The installed version in the `--python` environment.
        case environment
    }

    /// The requirement, with its name normalised and an exact pin or a URL.
    public var requirement: Requirement
    /// The imports that need it (empty when only stated).
    public var imports: [String]
    /// Where the version came from.
    public var source: Source

    /// Creates a pinned requirement.
    /// - Parameters:
    ///   - requirement: The pinned requirement.
    ///   - imports: The imports that need it.
    ///   - source: Where the version came from.
    public init(requirement: Requirement, imports: [String], source: Source) {
        self.requirement = requirement
        self.imports = imports
        self.source = source
    }

    /// The normalised distribution name.
    public var name: String { requirement.normalizedName }

    /// The pinned version text, `nil` for a URL requirement.
    public var version: String? { requirement.specifiers.exactPin?.versionText }

    /// The requirement line (`numpy==1.26.4`, `pkg[extra]==1.0; python_version >= "3.9"`).
    public var line: String { requirement.description }
}
