import Diagnostics

/// `apt.unpinned` (opt-in): a package installed by apt-get or apt in a Dockerfile without a version.
public struct UnpinnedAptRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "apt.unpinned",
        name: "Unpinned apt package",
        summary: "a package installed by apt-get or apt without a version",
        rationale: "OS and npm packages change under a rebuild too; pinning them makes images repeatable, at the "
            + "cost of updating pins when the distribution drops old versions (hence opt-in)",
        equivalents: [RuleEquivalent("hadolint", "DL3008")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "RUN apt-get update && apt-get install -y ↓python3"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "RUN apt-get install -y python3=3.11.2-1"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.ecosystem == .apt, install.pin == .none else { return nil }
            return finding("apt installs \(install.subject) without a version", at: install.location,
                           notes: [install.pinAdvice])
        }
    }
}
