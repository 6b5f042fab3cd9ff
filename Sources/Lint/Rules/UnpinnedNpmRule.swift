import Diagnostics

/// `npm.unpinned` (opt-in): a package installed by npm install in a Dockerfile without a version.
public struct UnpinnedNpmRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "npm.unpinned",
        name: "Unpinned npm package",
        summary: "a package installed by npm install without a version",
        rationale: "OS and npm packages change under a rebuild too; pinning them makes images repeatable, at the "
            + "cost of updating pins when the distribution drops old versions (hence opt-in)",
        equivalents: [RuleEquivalent("hadolint", "DL3016")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "RUN npm install --registry https://example.com ↓express"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "RUN npm install express@4.1.1 ./local"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.ecosystem == .npm, install.pin == .none else { return nil }
            return finding("npm installs \(install.subject) without a version", at: install.location,
                           notes: [install.pinAdvice])
        }
    }
}
