import Diagnostics

/// `actions.not-sha` (opt-in, `--strict`): a `uses:` pinned by an exact tag rather than a
/// full commit SHA (tags can be re-pointed), or by a SHA without the trailing comment that
/// says which release it is (`@<sha> # v4.1.7`, as pinact writes, or ratchet's
/// `# ratchet:owner/repo@v4`).
public struct ActionNotSHARule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "actions.not-sha",
        name: "Action not pinned by SHA",
        summary: "a workflow 'uses:' pinned by a tag, not a full commit SHA with the tag in a trailing comment",
        rationale: "even an exact tag can be moved by whoever controls the repository; only a commit SHA names fixed code",
        equivalents: [RuleEquivalent("zizmor", "unpinned-uses")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ↓actions/checkout@v4.1.7\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ↓actions/checkout@\(UnpinnedActionRule.sha)\n      - uses: ↓actions/cache@\(UnpinnedActionRule.sha) # pinned\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@\(UnpinnedActionRule.sha) # v4.1.7\n      - uses: actions/cache@\(UnpinnedActionRule.sha) # ratchet:actions/cache@v4\n"),
        ]
    )

    /// Whether a trailing comment names a release (`v4.1.7`, `4.1`, `ratchet:owner/repo@v4`).
    static func namesRelease(_ comment: String?) -> Bool {
        guard let comment else { return false }
        if comment.contains("ratchet:") || comment.contains("pin@") { return true }
        return comment.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).contains { word in
            GitRefKind.classify(String(word)) >= .movingTag && GitRefKind.classify(String(word)) != .commit
        }
    }

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.actions.compactMap { use in
            guard use.kind == .action || use.kind == .reusableWorkflow else { return nil }
            if use.refKind == .commit {
                guard !Self.namesRelease(use.comment) else { return nil }
                return finding("'\(use.target)' is pinned by SHA without a comment naming its release", at: use.location,
                               notes: ["add the tag after it, e.g. '@\(use.ref ?? "") # v1.2.3', so readers and updaters know the version"])
            }
            guard use.refKind == .exactTag else { return nil }
            return finding("'\(use.target)' is pinned to the tag '\(use.ref ?? "")', not a commit SHA", at: use.location,
                           notes: ["write '\(use.target)@<40-hex SHA> # \(use.ref ?? "")' ('nbship lint --fix' cannot look SHAs up offline)"])
        }
    }
}
