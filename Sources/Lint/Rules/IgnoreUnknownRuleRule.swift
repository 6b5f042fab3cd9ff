import Diagnostics

/// `ignore.unknown-rule`: an ignore comment naming an id that is neither an nbship rule nor a
/// peer id nbship maps (a typo would otherwise silently ignore nothing).
public struct IgnoreUnknownRuleRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "ignore.unknown-rule",
        name: "Ignore names an unknown rule",
        summary: "an 'nbship: ignore[…]' comment naming an id no rule has",
        rationale: "a misspelt id ignores nothing, so the finding it was meant to silence still fails the build, "
            + "or worse, the comment is copied around believing it works",
        triggeringExamples: [
            RuleExample("Dockerfile", "↓# nbship: ignore[image.untaged] -- typo\nFROM debian:12"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "# nbship: ignore[DL3006, image.latest-tag] -- mirror\nFROM debian"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.ignores.filter { $0.peer == nil }.flatMap { directive in
            directive.ruleIDs.filter { RuleRegistry.ruleIDs(matching: $0).isEmpty }.map { id in
                finding("ignore comment names unknown rule '\(id)'", at: directive.location,
                        notes: ["'nbship lint --list-rules' lists the ids; peer ids such as DL3006 work too"])
            }
        }
    }
}
