import Diagnostics

/// `ignore.missing-reason`: an ignore comment without `-- reason`. The ignore still applies;
/// this finding asks for the reason.
public struct IgnoreWithoutReasonRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "ignore.missing-reason",
        name: "Ignore without a reason",
        summary: "an 'nbship: ignore' comment without '-- reason'",
        rationale: "a silenced finding with no reason cannot be reviewed later; say why it is safe",
        triggeringExamples: [
            RuleExample("Dockerfile", "↓# nbship: ignore[image.untagged]\nFROM debian"),
            RuleExample("requirements.txt", "pandas  ↓# nbship: ignore[requirements.unpinned] --\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "# nbship: ignore[image.untagged] -- internal mirror retags nightly\nFROM debian"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.ignores.filter { $0.peer == nil }.compactMap { directive in
            guard directive.reason == nil else { return nil }
            return finding("ignore comment has no reason; add '-- <why this is safe>'", at: directive.location)
        }
    }
}
