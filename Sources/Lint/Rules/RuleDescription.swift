import Diagnostics

/// What a rule checks and why, with examples that run as tests (SwiftLint's pattern).
///
/// Rule ids are stable, dotted and lower-case: the subject, then the problem
/// (`image.untagged`, `pip.unpinned`). Peer tools' ids are listed as ``equivalents`` and are
/// accepted wherever an id is (ignore comments, `.nbship.toml`).
public struct RuleDescription: Sendable {
    /// The stable id, e.g. `image.untagged`.
    public var id: String
    /// A short human name.
    public var name: String
    /// One sentence: what the rule flags.
    public var summary: String
    /// Why it matters.
    public var rationale: String
    /// The peers' ids for the same check.
    public var equivalents: [RuleEquivalent]
    /// The severity unless configured otherwise.
    public var defaultSeverity: Severity
    /// `true` when the rule runs only if enabled (`--strict` or `.nbship.toml`).
    public var isOptIn: Bool
    /// Files the rule must flag at each `↓`.
    public var triggeringExamples: [RuleExample]
    /// Files the rule must not flag.
    public var nonTriggeringExamples: [RuleExample]

    /// Creates a description.
    public init(
        id: String, name: String, summary: String, rationale: String,
        equivalents: [RuleEquivalent] = [], defaultSeverity: Severity = .warning, isOptIn: Bool = false,
        triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.equivalents = equivalents
        self.defaultSeverity = defaultSeverity
        self.isOptIn = isOptIn
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
