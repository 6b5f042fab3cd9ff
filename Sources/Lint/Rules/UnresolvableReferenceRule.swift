import Diagnostics

/// `image.unresolvable`: a reference that cannot be known from the files (a variable with no
/// default, a Helm template).
public struct UnresolvableReferenceRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.unresolvable",
        name: "Unresolvable image reference",
        summary: "an image reference whose value is only known at build or deploy time",
        rationale: "what runs is decided outside the repository, so nothing here can check that it is pinned; "
            + "give the variable a pinned default or ignore the line with a reason",
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓${VALUE}"),
            RuleExample("Dockerfile", "ARG TAG\nFROM ↓foo:${TAG}"),
            RuleExample("templates/deploy.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ↓\"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n"),
            RuleExample("compose.yaml", "services:\n  app:\n    image: ↓${IMAGE}\n"),
            RuleExample(".github/workflows/ci.yml", "on: workflow_call\njobs:\n  t:\n    runs-on: x\n    container: ↓${{ inputs.image }}\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(".gitlab-ci.yml", "deploy:\n  image: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n  script: [run]\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: x\n    container: ghcr.io/org/app:${{ github.sha }}\n"),
            RuleExample("Dockerfile", "ARG TAG=3.12\nFROM python:${TAG}"),
            RuleExample("compose.yaml", "services:\n  app:\n    image: ${IMAGE}\n", neighbours: [".env": "IMAGE=redis:7.2\n"]),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.images.compactMap { use in
            guard case .unresolvable(let reason) = use.resolution else { return nil }
            return finding("\(use.subject) cannot be resolved: \(reason)", at: use.location)
        }
    }
}
