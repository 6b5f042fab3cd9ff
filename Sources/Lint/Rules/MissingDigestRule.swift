import Diagnostics

/// `image.missing-digest` (opt-in): an image not pinned by digest.
public struct MissingDigestRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.missing-digest",
        name: "Missing digest",
        summary: "an image reference without '@sha256:…'",
        rationale: "any tag can be re-pushed; only a digest names fixed content",
        equivalents: [RuleEquivalent("checkov", "CKV_K8S_43")],
        isOptIn: true,
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓python:3.12-slim"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM python:3.12-slim@sha256:\(String(repeating: "d", count: 64))"),
            RuleExample("Dockerfile", "FROM scratch"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.images.compactMap { use in
            guard let (reference, _) = use.reference, reference.digest == nil else { return nil }
            return finding("\(use.subject) is not pinned by digest", at: use.location)
        }
    }
}
