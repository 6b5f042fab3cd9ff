import Diagnostics

/// `image.invalid-reference`: a reference that breaks the distribution/reference grammar.
public struct InvalidReferenceRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.invalid-reference",
        name: "Invalid image reference",
        summary: "an image reference that Docker and registries reject",
        rationale: "the build or deployment fails when it reaches this line (upper-case repository, bad digest "
            + "length, malformed registry)",
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓ruby@sha256:f1dbca0f5dbc9"),
            RuleExample("Dockerfile", "FROM ↓Ubuntu:22.04"),
            RuleExample("compose.yaml", "services:\n  a:\n    image: ↓\"[fe80::1%eth0]:5000/repo:1\"\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM ubuntu:Jammy-2024"),
            RuleExample("Dockerfile", "FROM [2001:db8::1]:5000/repo:tag"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.images.compactMap { use in
            guard case .invalid(let error, let expanded) = use.resolution else { return nil }
            let shown = expanded == use.written ? "" : " (expands to '\(expanded)')"
            return finding("\(use.subject)\(shown) is not a valid reference: \(error)", at: use.location)
        }
    }
}
