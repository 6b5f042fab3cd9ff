import Diagnostics

/// `actions.unpinned`: a GitHub Actions `uses:` (step action or reusable workflow) pinned by
/// a branch or a moving tag (`@main`, `@v4`, `@v4.1`) or not at all.
public struct UnpinnedActionRule: LintRule {
    public init() {}

    static let sha = "8f4b7f84864484a7bf31766abe9204da3cbe65b3"

    public let description = RuleDescription(
        id: "actions.unpinned",
        name: "Unpinned action",
        summary: "a workflow 'uses:' pinned by a branch or a moving tag instead of an exact release tag or a commit SHA",
        rationale: "a branch or a major-version tag moves under you: the workflow runs code nobody reviewed, "
            + "and a compromised tag runs in your CI with its secrets",
        equivalents: [RuleEquivalent("zizmor", "unpinned-uses")],
        triggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ↓actions/checkout@v4\n      - uses: ↓actions/setup-python@main\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  call:\n    uses: ↓org/shared/.github/workflows/build.yml@v1.2\n"),
            RuleExample("action.yml", "name: x\nruns:\n  using: composite\n  steps:\n    - uses: ↓actions/cache@v4\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ↓github/codeql-action/init\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4.1.7\n      - uses: actions/setup-python@\(sha) # v5.1.0\n      - uses: ./.github/actions/local\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.actions.compactMap { use in
            guard use.kind == .action || use.kind == .reusableWorkflow, use.refKind < .exactTag else { return nil }
            let what = use.kind == .action ? "action" : "reusable workflow"
            let how = switch use.refKind {
            case .missing: "has no ref, so it runs the default branch"
            case .movingTag: "is pinned to the moving tag '\(use.ref ?? "")'"
            default: "is pinned to the branch '\(use.ref ?? "")'"
            }
            return finding("\(what) '\(use.target)' \(how)", at: use.location,
                           notes: ["pin an exact release tag (e.g. '@v4.1.7') or a full commit SHA with the tag in a trailing comment"])
        }
    }
}
