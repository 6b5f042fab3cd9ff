import Diagnostics

/// `apk.unpinned` (opt-in): a package installed by apk add in a Dockerfile without a version.
public struct UnpinnedApkRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "apk.unpinned",
        name: "Unpinned apk package",
        summary: "a package installed by apk add without a version",
        rationale: "OS and npm packages change under a rebuild too; pinning them makes images repeatable, at the "
            + "cost of updating pins when the distribution drops old versions (hence opt-in)",
        equivalents: [RuleEquivalent("hadolint", "DL3018")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "RUN apk add --no-cache ↓flex"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "RUN apk add --virtual build-deps flex=2.6.4-r1"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.ecosystem == .apk, install.pin == .none else { return nil }
            return finding("apk installs \(install.subject) without a version", at: install.location,
                           notes: [install.pinAdvice])
        }
    }
}
