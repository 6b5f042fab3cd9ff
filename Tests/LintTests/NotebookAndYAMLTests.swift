import Foundation
import TestSupport
import Testing
@testable import Lint

@Suite struct NotebookAndYAMLTests {
    static func notebook(_ cells: [(String, String)]) -> String {
        let list = cells.map { kind, source -> [String: Any] in
            ["cell_type": kind, "metadata": [String: Any](), "source": source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == source.split(separator: "\n", omittingEmptySubsequences: false).count - 1 ? String(line) : line + "\n"
            }]
        }
        let data = try? JSONSerialization.data(withJSONObject: ["cells": list, "nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any]()])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    @Test func notebookInstallFormsAreFoundWithCellLocations() {
        let text = Self.notebook([
            ("markdown", "!pip install not-code"),
            ("code", "import sys\n!{sys.executable} -m pip install -q seaborn==0.13.2 polars\n%pip install 'numpy>=1'"),
            ("code", "%%capture\npip install tqdm\n%conda install -y -c conda-forge xgboost"),
            ("code", "%%bash\npip3 install \\\n  rich\n"),
            ("code", "%%writefile setup.sh\npip install nope\n"),
            ("code", "!!pip install httpx==0.27.0"),
        ])
        #expect(LintHarness.summary(["nb.ipynb": text]) == [
            "notebook.unpinned-install@nb.ipynb:cell1:2:53", "notebook.unpinned-install@nb.ipynb:cell1:3:14",
            "notebook.unpinned-install@nb.ipynb:cell2:2:13", "conda.unpinned@nb.ipynb:cell2:3:34",
            "notebook.unpinned-install@nb.ipynb:cell3:3:3",
        ])
    }

    static let bad = PackagePaths.corpus.appendingPathComponent("bad").path

    @Test func corpusNotebooksFromNbformat3AreReadAndTruncatedOnesLocated() throws {
        let v3 = try String(contentsOfFile: Self.bad + "/nbformat__test3.ipynb", encoding: .utf8)
        let cells = try NotebookFileCellReader().codeCells(in: v3, path: "v3.ipynb")
        #expect(!cells.isEmpty)
        let truncated = try String(contentsOfFile: Self.bad + "/derived__truncated_json.ipynb", encoding: .utf8)
        let report = LintHarness.lint(["t.ipynb": truncated])
        #expect(report.problems.first?.location?.line == truncated.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test func brokenNotebookIsAProblemNotACrash() {
        let report = LintHarness.lint(["nb.ipynb": "{\"cells\": [ {"])
        // The same reader and the same located error as `nbship plan`.
        #expect(report.problems.map(\.id) == ["notebook.invalid-json"])
        #expect(report.problems.first?.location?.line == 1)
        #expect(report.problems.first?.location?.column == 14)
    }

    @Test func kubernetesMultiDocumentListAndEveryWorkloadKind() {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  initContainers:
                  - name: init
                    image: busybox
                  containers:
                  - name: app
                    image: ghcr.io/org/app:1.4.2
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: batch/v1
              kind: CronJob
              spec:
                jobTemplate:
                  spec:
                    template:
                      spec:
                        containers:
                        - name: job
                          image: "registry.local:5000/jobs/run"
            - apiVersion: apps/v1
              kind: StatefulSet
              spec:
                template:
                  spec:
                    containers:
                    - {name: db, image: 'postgres:latest'}
            ---
            # not a manifest: no kind
            containers:
            - image: ignored

            """
        #expect(LintHarness.summary(["k8s/all.yaml": text]) == [
            "image.untagged@k8s/all.yaml:8:16", "image.untagged@k8s/all.yaml:25:22",
            "image.latest-tag@k8s/all.yaml:32:29",
        ])
    }

    @Test func helmTemplatesAreUnresolvableNotACrash() {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "chart.fullname" . }}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                    - name: sidecar
                      image: envoyproxy/envoy
            {{- with .Values.extra }}
              {{- toYaml . | nindent 2 }}
            {{- end }}

            """
        #expect(LintHarness.summary(["chart/templates/deployment.yaml": text]) == [
            "image.unresolvable@chart/templates/deployment.yaml:10:18",
            "image.untagged@chart/templates/deployment.yaml:12:18",
        ])
    }

    @Test func invalidYAMLIsALocatedProblem() {
        let report = LintHarness.lint(["deploy.yaml": "kind: Pod\nspec:\n  containers:\n  - image: [unclosed\n"])
        #expect(report.problems.map(\.id) == ["lint.parse-error"])
        #expect((report.problems.first?.location?.line ?? 0) >= 4)
    }

    @Test func composeInterpolationUsesDotEnvBesideTheFile() {
        let compose = """
            services:
              a:
                image: "redis:${REDIS_TAG}"
              b:
                image: postgres:${PG_TAG:-latest}
              c:
                image: nginx:${NGINX_TAG-1.27}
              d:
                image: "app:$${LITERAL}"
              e:
                image: ${UNSET_IMAGE:-python:3.12}
              f:
                image: busybox:${EMPTY:-1.36}
              g:
                image: alpine${EMPTY-:latest}

            """
        let files = ["deploy/compose.yaml": compose, "deploy/.env": "# versions\nREDIS_TAG=7.2\nexport PG_TAG='16'\nEMPTY=\n"]
        // EMPTY is set (to nothing): ':-' falls back, '-' does not, so g is plain 'alpine'.
        #expect(LintHarness.summary(files) == [
            "image.invalid-reference@deploy/compose.yaml:9:12", "image.untagged@deploy/compose.yaml:15:12",
        ])
        let withoutEnv = ["deploy/compose.yaml": compose]
        #expect(LintHarness.summary(withoutEnv) == [
            "image.unresolvable@deploy/compose.yaml:3:12", "image.latest-tag@deploy/compose.yaml:5:12",
            "image.invalid-reference@deploy/compose.yaml:9:12", "image.latest-tag@deploy/compose.yaml:15:12",
        ])
    }

    @Test func yamlWithServicesAndNoKindIsComposeWhateverItsName() {
        #expect(FileKind.detect(path: "stack.yml", text: "services:\n  a:\n    image: redis\n") == .compose)
        #expect(FileKind.detect(path: "stack.yml", text: "kind: Pod\nspec: {}\n") == .kubernetes)
    }
}
