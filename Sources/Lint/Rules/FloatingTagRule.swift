import Diagnostics

/// `image.floating-tag` (opt-in): a tag from the configured list of moving tags.
public struct FloatingTagRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.floating-tag",
        name: "Floating tag",
        summary: "an image tag that names a moving target ('stable', 'lts', 'edge', …; configurable)",
        rationale: "tags like 'stable' or 'bookworm' are re-pointed at new images, so they drift like ':latest'",
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓debian:stable"),
            RuleExample("Dockerfile", "FROM ↓python:nightly",
                        configuration: LintConfiguration(floatingTags: ["nightly"])),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM debian:12.5"),
            RuleExample("Dockerfile", "FROM debian:stable@sha256:\(String(repeating: "c", count: 64))"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        let floating = Set(configuration.floatingTags.map { $0.lowercased() })
        return facts.images.compactMap { use in
            guard let (reference, _) = use.reference, reference.digest == nil, let tag = reference.tag,
                  floating.contains(tag.lowercased()) else { return nil }
            return finding("\(use.subject) uses the floating tag '\(tag)'", at: use.location)
        }
    }
}
