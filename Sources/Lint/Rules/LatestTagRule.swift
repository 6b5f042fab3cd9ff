import Diagnostics

/// `image.latest-tag`: an image tagged `latest` explicitly, without a digest.
public struct LatestTagRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.latest-tag",
        name: "Latest tag",
        summary: "an image tagged ':latest' without a digest",
        rationale: "':latest' is whatever was pushed last; the same file builds or deploys different software "
            + "from one day to the next",
        equivalents: [
            RuleEquivalent("hadolint", "DL3007"), RuleEquivalent("trivy", "DS001"), RuleEquivalent("trivy", "KSV013"),
            RuleEquivalent("checkov", "CKV_DOCKER_7"), RuleEquivalent("checkov", "CKV_K8S_14"),
            RuleEquivalent("kube-linter", "latest-tag"), RuleEquivalent("zizmor", "unpinned-images"),
        ],
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓debian:latest AS builder"),
            RuleExample("Dockerfile", "ARG TAG=latest\nFROM ↓ubuntu:${TAG}"),
            RuleExample("Dockerfile", "ARG REPO=repo\nARG IMAGE=image\nFROM ↓$REPO/$IMAGE:latest"),
            RuleExample("Dockerfile", "FROM python:3.12\nCOPY --from=↓nginx:latest /a /b"),
            RuleExample("compose.yaml", "services:\n  web:\n    image: ↓\"nginx:${TAG:-latest}\"\n"),
            RuleExample("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: ↓example.com/test:latest\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        py: [\"3.12\", latest]\n    runs-on: ubuntu-24.04\n    container: ↓python:${{ matrix.py }}\n"),
            RuleExample("kustomization.yaml", "images:\n  - name: app\n    newTag: ↓latest\n"),
            RuleExample("values.yaml", "web:\n  image:\n    registry: ghcr.io\n    repository: ↓org/web\n    tag: latest\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM debian:jessie"),
            RuleExample("Dockerfile", "FROM debian:latest@sha256:\(String(repeating: "b", count: 64))"),
            RuleExample("Dockerfile", "ARG TAG=test\nFROM foo:${TAG}\nARG TAG=latest\nFROM bar:${TAG}"),
            RuleExample("deploy.yaml", "kind: Pod\nspec:\n  containers:\n  - image: example.com/latest:v1.0.0\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.images.compactMap { use in
            guard let (reference, _) = use.reference, reference.digest == nil,
                  reference.tag?.lowercased() == "latest" else { return nil }
            return finding("\(use.subject) uses the 'latest' tag", at: use.location, notes: use.assumptionNotes)
        }
    }
}
