import Diagnostics

/// `actions.not-sha` (opt-in, `--strict`): a `uses:` pinned by an exact tag rather than a
/// full commit SHA (tags can be re-pointed; pinact and ratchet write `@<sha> # vX.Y.Z`).
public struct ActionNotSHARule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "actions.not-sha",
        name: "Action not pinned by SHA",
        summary: "a workflow 'uses:' pinned by a tag, not a full commit SHA (with the tag in a trailing comment)",
        rationale: "even an exact tag can be moved by whoever controls the repository; only a commit SHA names fixed code",
        equivalents: [RuleEquivalent("zizmor", "unpinned-uses")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ↓actions/checkout@v4.1.7\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@\(UnpinnedActionRule.sha) # v4.1.7\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.actions.compactMap { use in
            guard use.kind == .action || use.kind == .reusableWorkflow, use.refKind == .exactTag else { return nil }
            return finding("'\(use.target)' is pinned to the tag '\(use.ref ?? "")', not a commit SHA", at: use.location,
                           notes: ["write '\(use.target)@<40-hex SHA> # \(use.ref ?? "")' ('nbship lint --fix' cannot look SHAs up offline)"])
        }
    }
}
