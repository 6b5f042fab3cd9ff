import Diagnostics

/// `pipfile.unpinned`: a Pipfile package without an exact version (`"*"`, a range, a git
/// branch).
public struct UnpinnedPipfileRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "pipfile.unpinned",
        name: "Unpinned Pipfile package",
        summary: "a Pipfile package without an exact '==' version",
        rationale: "'pipenv install' without a committed, in-sync Pipfile.lock resolves '*' to whatever is newest",
        triggeringExamples: [
            RuleExample("Pipfile", "[packages]\n↓requests = \"*\"\nflask = \"==3.0.3\"\n\n[dev-packages]\n↓pytest = {version = \">=8\"}\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Pipfile", "[[source]]\nurl = \"https://pypi.org/simple\"\nname = \"pypi\"\n\n[packages]\nrequests = \"==2.32.3\"\nlocal = {path = \".\"}\n\n[requires]\npython_version = \"3.12\"\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard case .pipfile(let section) = install.context, install.pin < .exact else { return nil }
            let what = install.pin == .none ? "has no version" : "is not pinned with '=='"
            return finding("[\(section)] package '\(install.name)' \(what)", at: install.location, notes: [install.pinAdvice])
        }
    }
}
