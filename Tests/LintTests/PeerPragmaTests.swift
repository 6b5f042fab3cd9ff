import Diagnostics
import Testing
@testable import Lint

/// Peers' ignore pragmas are honoured through the rules' equivalents, with each peer's scope.
@Suite struct PeerPragmaTests {
    @Test func hadolintIgnoreCoversTheNextInstructionOnly() {
        let text = "# hadolint ignore=DL3007,DL3006\nFROM debian:latest\nFROM ubuntu:latest\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:3:6"])
    }

    @Test func hadolintGlobalIgnoreCoversTheFile() {
        let text = "FROM debian:latest\n# hadolint global ignore=DL3007\nFROM ubuntu:latest\nFROM alpine\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.untagged@Dockerfile:4:6"])
    }

    @Test func hadolintIgnoreOfOtherRulesNeitherHidesNorComplains() {
        // DL3008 (apt pins) is opt-in here and DL4006 is no rule of nbship's: neither is an unknown-rule finding.
        let text = "# hadolint ignore=DL4006,DL3008\nFROM debian:latest\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:2:6"])
    }

    @Test func hadolintYAMLIgnoredListAppliesToDockerfilesOnly() {
        let files = [
            ".hadolint.yaml": "ignored:\n  - DL3007\n  - DL3013\n",
            "Dockerfile": "FROM debian:latest\nRUN pip install flask\n",
            "compose.yaml": "services:\n  a:\n    image: redis:latest\n",
        ]
        #expect(LintHarness.summary(files) == ["image.latest-tag@compose.yaml:3:12"])
    }

    @Test func trivyIgnoreTakesLongAndShortIDs() {
        let text = "# trivy:ignore:AVD-DS-0001\nFROM debian:latest\n# trivy:ignore:DS001\nFROM ubuntu\nFROM alpine:latest\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:5:6"])
        #expect(PeerPragmaScanner.trivyID("AVD-KSV-0013") == "KSV013")
    }

    @Test func checkovSkipCoversADockerfileButOnlyTheNextLineElsewhere() {
        let dockerfile = "FROM node:latest\n# checkov:skip=CKV_DOCKER_7:base pinned in CI\nFROM debian:latest\n"
        #expect(LintHarness.summary(["Dockerfile": dockerfile]).isEmpty)
        let manifest = "kind: Pod\nspec:\n  containers:\n  # checkov:skip=CKV_K8S_14:reason\n  - image: a:latest\n  - image: b:latest\n"
        #expect(LintHarness.summary(["pod.yaml": manifest]) == ["image.latest-tag@pod.yaml:6:12"])
    }

    @Test func zizmorIgnoreCoversItsOwnLineOnly() {
        let workflow = """
            on: push
            jobs:
              t:
                runs-on: ubuntu-24.04
                steps:
                  # zizmor: ignore[unpinned-uses]
                  - uses: actions/checkout@v4
                  - uses: actions/cache@v4 # zizmor: ignore[unpinned-uses]
                  - uses: actions/setup-python@v5 # zizmor: ignore[template-injection]

            """
        #expect(LintHarness.summary([".github/workflows/ci.yml": workflow]) == [
            "actions.unpinned@.github/workflows/ci.yml:7:15", "actions.unpinned@.github/workflows/ci.yml:9:15",
        ])
    }

    @Test func kubeLinterAnnotationCoversItsObjectOnly() {
        let manifest = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              annotations:
                ignore-check.kube-linter.io/latest-tag: "sandbox"
            spec:
              containers:
              - image: nginx:latest
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: b
            spec:
              containers:
              - image: nginx:latest

            """
        #expect(LintHarness.summary(["pods.yaml": manifest]) == ["image.latest-tag@pods.yaml:17:12"])
    }

    @Test func listRulesShowsTheMappedPeerIDs() {
        let ids = RuleRegistry.all.flatMap(\.description.equivalents).map(\.description)
        for id in ["hadolint:DL3007", "trivy:DS001", "checkov:CKV_DOCKER_7", "zizmor:unpinned-uses", "kube-linter:latest-tag"] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}
