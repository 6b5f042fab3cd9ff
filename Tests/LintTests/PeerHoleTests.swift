import Testing
@testable import Lint

/// The holes the peers are known to have (issue 5); each test shows nbship gets it right.
@Suite struct PeerHoleTests {
    @Test func hadolintReadsLocalhostPortAsATagButNbshipSeesAnUntaggedImage() {
        // hadolint: image 'localhost', tag '5000/img' → DL3006 missed.
        #expect(LintHarness.summary(["Dockerfile": "FROM localhost:5000/img\n"]) == ["image.untagged@Dockerfile:1:6"])
    }

    @Test func hadolintFailsToParseRegistryPortWithTagButNbshipAcceptsIt() throws {
        #expect(LintHarness.summary(["Dockerfile": "FROM localhost:5000/img:1.0\n"]).isEmpty)
        let reference = try ImageReference.parse("localhost:5000/img:1.0")
        #expect(reference.domain == "localhost:5000" && reference.path == "img" && reference.tag == "1.0")
    }

    @Test func hadolintNeverChecksCopyFrom() {
        let text = "FROM python:3.12\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:2:13"])
    }

    @Test func hadolintNeverChecksRunMountFrom() {
        let text = "FROM python:3.12\nRUN --mount=type=bind,from=busybox,source=/bin,target=/b ls /b\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.untagged@Dockerfile:2:28"])
    }

    @Test func hadolintDoesNotResolveArgDefaults() {
        let text = "ARG TAG=latest\nFROM ubuntu:${TAG}\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:2:6"])
    }

    @Test func hadolintMatchesStageAliasesCaseSensitivelyDockerDoesNot() {
        let text = "FROM golang:1.22 AS Builder\nFROM BUILDER AS test\nFROM alpine:3.20\nCOPY --from=builder /a /b\n"
        #expect(LintHarness.summary(["Dockerfile": text]).isEmpty)
    }

    @Test func stageAliasesMatchOnlyEarlierStages() {
        // 'builder' is defined after its first use, so there it is an image from Docker Hub.
        let text = "FROM builder\nFROM golang:1.22 AS builder\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.untagged@Dockerfile:1:6"])
    }

    @Test func checkovHasNoComposeSupportAndReportsOncePerFileNbshipReportsEachService() {
        let text = "services:\n  web:\n    image: nginx:latest\n  cache:\n    image: redis\n  db:\n    image: postgres:16.3\n"
        #expect(LintHarness.summary(["docker-compose.yml": text]) == [
            "image.latest-tag@docker-compose.yml:3:12", "image.untagged@docker-compose.yml:5:12",
        ])
    }

    @Test(arguments: [
        ("FROM registry.example.com:5000/team/app\n", ["image.untagged@Dockerfile:1:6"]),
        ("FROM registry.example.com:5000/team/app:1.2\n", []),
        ("FROM [::1]:5000/app\n", ["image.untagged@Dockerfile:1:6"]),
        ("FROM 10.0.0.1:5000/app:latest\n", ["image.latest-tag@Dockerfile:1:6"]),
    ])
    func trivyAndCheckovSplitOnColonNbshipHandlesRegistryPorts(_ text: String, _ expected: [String]) {
        #expect(LintHarness.summary(["Dockerfile": text]) == expected)
    }

    @Test func kubeLinterMissesBareImageNames() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n"
        #expect(LintHarness.summary(["pod.yaml": text]) == ["image.untagged@pod.yaml:8:12"])
    }

    @Test func checkovMissesEphemeralContainers() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27.0
              ephemeralContainers:
              - name: debugger
                image: busybox:latest

            """
        #expect(LintHarness.summary(["pod.yaml": text]) == ["image.latest-tag@pod.yaml:11:12"])
    }
}
