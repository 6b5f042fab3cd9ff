import Diagnostics

/// `gitlab.unpinned-include`: a GitLab CI `include:` of another project's file without a
/// `ref:` or with a branch or moving ref, a `remote:` URL that names no commit or exact
/// version, or a `component:` at a moving version (`@~latest`, `@1`, `@main`).
public struct UnpinnedIncludeRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "gitlab.unpinned-include",
        name: "Unpinned CI include",
        summary: "a GitLab CI include fetched by a branch, a moving version or no ref at all",
        rationale: "the included jobs change whenever the other project's branch moves, so the pipeline is no longer "
            + "the one you reviewed",
        triggeringExamples: [
            RuleExample(".gitlab-ci.yml", "include:\n  - project: group/templates\n    ref: ↓main\n    file: /ci.yml\n  - project: ↓group/other\n    file: /x.yml\n"),
            RuleExample(".gitlab-ci.yml", "include:\n  - remote: ↓https://example.com/raw/main/ci.yml\n  - component: ↓gitlab.com/org/comp/build@~latest\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(".gitlab-ci.yml", "include:\n  - project: group/templates\n    ref: v1.4.2\n    file: /ci.yml\n  - local: /ci/jobs.yml\n  - template: Auto-DevOps.gitlab-ci.yml\n  - component: gitlab.com/org/comp/build@2.0.1\n  - remote: https://example.com/raw/\(UnpinnedActionRule.sha)/ci.yml\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.actions.compactMap { use in
            guard [.gitlabProject, .gitlabRemote, .gitlabComponent].contains(use.kind), use.refKind < .exactTag else { return nil }
            let message = switch (use.kind, use.refKind) {
            case (.gitlabRemote, _): "remote include '\(use.target)' names no commit or exact version"
            case (_, .missing): "include of '\(use.target)' has no ref, so it follows the default branch"
            case (_, .movingTag): "include of '\(use.target)' follows the moving version '\(use.ref ?? "")'"
            default: "include of '\(use.target)' follows the branch '\(use.ref ?? "")'"
            }
            return finding(message, at: use.location, notes: ["pin an exact release tag or a full commit SHA"])
        }
    }
}
