import Diagnostics

/// `image.untagged`: an image with neither tag nor digest, which pulls `:latest`.
public struct UntaggedImageRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "image.untagged",
        name: "Untagged image",
        summary: "an image reference without a tag or digest",
        rationale: "without a tag the pull means ':latest', which changes whenever upstream pushes; builds and "
            + "deployments stop being repeatable",
        equivalents: [
            RuleEquivalent("hadolint", "DL3006"), RuleEquivalent("trivy", "DS001"), RuleEquivalent("trivy", "KSV013"),
            RuleEquivalent("checkov", "CKV_DOCKER_7"), RuleEquivalent("checkov", "CKV_K8S_14"),
            RuleEquivalent("kube-linter", "latest-tag"), RuleEquivalent("zizmor", "unpinned-images"),
        ],
        triggeringExamples: [
            RuleExample("Dockerfile", "FROM ↓debian"),
            RuleExample("Dockerfile", "FROM ↓localhost:5000/img"),
            RuleExample("Dockerfile", "FROM golang:1.22 AS build\nFROM ↓node AS unit-test"),
            RuleExample("Dockerfile", "FROM python:3.12\nCOPY --from=↓nginx /etc/nginx /etc/nginx"),
            RuleExample("Dockerfile", "FROM python:3.12\nRUN --mount=type=bind,from=↓busybox,target=/b ls /b"),
            RuleExample("Dockerfile", "ARG REGISTRY\nFROM ↓${REGISTRY}/ubuntu"),
            RuleExample("Dockerfile", "FROM ↓alpine$TAG"),
            RuleExample("Dockerfile", "FROM python:3.12\nONBUILD COPY --from=↓nginx /a /b"),
            RuleExample("docker-compose.yml", "services:\n  cache:\n    image: ↓redis\n"),
            RuleExample("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: ↓nginx\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    container: ↓python\n    services:\n      db:\n        image: ↓postgres\n    steps:\n      - uses: docker://↓alpine\n"),
            RuleExample(".gitlab-ci.yml", "image: ↓python\ntest:\n  services:\n    - name: ↓redis\n      alias: cache\n  script: [pytest]\n"),
            RuleExample("chart/values.yaml", "image:\n  repository: ↓nginx\n  tag: \"\"\n", neighbours: ["Chart.yaml": "name: c\nversion: 0.1.0\n"]),
            RuleExample(".devcontainer/devcontainer.json", "{\n  // dev image\n  \"name\": \"x\",\n  \"image\": ↓\"mcr.microsoft.com/devcontainers/python\"\n}\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "FROM debian:12"),
            RuleExample("Dockerfile", "FROM scratch"),
            RuleExample("Dockerfile", "FROM ruby@sha256:\(String(repeating: "a", count: 64))"),
            RuleExample("Dockerfile", "FROM golang:1.22 AS Build\nFROM build AS test"),
            RuleExample("Dockerfile", "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=BUILD /a /b"),
            RuleExample("Dockerfile", "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /b"),
            RuleExample("Dockerfile", "ARG IMAGE=alpine:3.12\nFROM $IMAGE"),
            RuleExample("compose.yaml", "services:\n  svc:\n    build: ./svc\n    image: myorg/svc\n"),
            RuleExample("chart/values.yaml", "image:\n  repository: nginx\n  tag: \"\"\n", neighbours: ["Chart.yaml": "name: c\nappVersion: \"1.27.1\"\n"]),
            RuleExample("values.yaml", "image:\n  repository: nginx\n  tag: \"\"\n"),
            RuleExample("kustomization.yaml", "resources: [deploy.yaml]\nimages:\n  - name: app\n    newName: registry.example.com/app\n"),
            RuleExample(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    container:\n      image: python:3.12\n    steps:\n      - uses: docker://alpine:3.20\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.images.compactMap { use in
            guard let (reference, _) = use.reference, reference.isTagImplicit else { return nil }
            return finding(
                "\(use.subject) has no tag or digest, so it pulls ':latest'", at: use.location,
                notes: use.assumptionNotes)
        }
    }
}
