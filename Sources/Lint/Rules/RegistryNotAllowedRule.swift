import Diagnostics

/// `image.registry-not-allowed` (opt-in): an image from a registry outside `allowed-registries`.
public struct RegistryNotAllowedRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.registry-not-allowed",
        name: "Registry not allowed",
        summary: "an image from a registry not in 'allowed-registries' of .nbship.toml",
        rationale: "images from unvetted registries bypass the organisation's scanning and mirroring",
        equivalents: [RuleEquivalent("hadolint", "DL3026")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓quay.io/org/img:1.0",
                        configuration: LintConfiguration(allowedRegistries: ["docker.io", "ghcr.io"])),
            RuleExample("Dockerfile", "FROM ↓python:3.12", configuration: LintConfiguration(allowedRegistries: ["ghcr.io"])),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM python:3.12", configuration: LintConfiguration(allowedRegistries: ["docker.io"])),
            RuleExample("Dockerfile", "FROM ghcr.io/org/app:1", configuration: LintConfiguration(allowedRegistries: ["ghcr.io/org"])),
            RuleExample("Dockerfile", "FROM quay.io/x/y:1"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        guard !configuration.allowedRegistries.isEmpty else { return [] }
        let allowed = configuration.allowedRegistries.map { $0 == "index.docker.io" ? "docker.io" : $0 }
        return facts.images.compactMap { use in
            guard let (reference, _) = use.reference, reference.domain != ImageResolver.unknownDomain else { return nil }
            let ok = allowed.contains { entry in
                reference.domain == entry || reference.repository.hasPrefix(entry + "/")
            }
            guard !ok else { return nil }
            return finding("\(use.subject) comes from '\(reference.domain)', which is not an allowed registry", at: use.location)
        }
    }
}
