import Diagnostics

/// What to check and how seriously: the values `.nbship.toml` and `--strict` set.
public struct LintConfiguration: Sendable, Equatable {
    /// Turn on every opt-in rule.
    public var strict: Bool
    /// Ids (nbship's or a peer's) of rules to turn on, including opt-in ones.
    public var enabled: Set<String>
    /// Ids (nbship's or a peer's) of rules to turn off; wins over `enabled` and `strict`.
    public var disabled: Set<String>
    /// Severity overrides by rule id.
    public var severities: [String: Severity]
    /// Registries images may come from (`registry.not-allowed`); empty means any.
    public var allowedRegistries: [String]
    /// Tags that move (`image.floating-tag`).
    public var floatingTags: Set<String>
    /// How strictly `pyproject.toml` must pin.
    public var policy: DependencyPolicy
    /// Paths a repository or folder scan skips (``PathPattern`` syntax); files named on the
    /// command line are always linted.
    public var excluded: [PathPattern] = []

    /// The tags treated as floating unless configured: they name a moving target.
    public static let defaultFloatingTags: Set<String> = [
        "stable", "lts", "edge", "nightly", "main", "master", "dev", "develop", "current", "rolling",
        "mainline", "slim", "alpine", "bookworm", "bullseye", "jammy", "noble",
    ]

    /// Creates a configuration; the defaults are what `nbship lint` uses with no file.
    public init(
        strict: Bool = false, enabled: Set<String> = [], disabled: Set<String> = [],
        severities: [String: Severity] = [:], allowedRegistries: [String] = [],
        floatingTags: Set<String> = LintConfiguration.defaultFloatingTags, policy: DependencyPolicy = .app
    ) {
        self.strict = strict
        self.enabled = enabled
        self.disabled = disabled
        self.severities = severities
        self.allowedRegistries = allowedRegistries
        self.floatingTags = floatingTags
        self.policy = policy
    }
}
