import Foundation
import TestSupport
import Testing

/// `nbship lint` with no paths finds and reads every new kind of file in a repository, and
/// prints located findings (text exactly; GitHub annotations per file).
@Suite struct NewKindsCommandTests {
    static let files = [
        ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    container: python\n    steps:\n      - uses: actions/checkout@v4\n",
        ".gitlab-ci.yml": "image: python:latest\ninclude:\n  - project: g/t\n    file: /x.yml\nt:\n  script: [x]\n",
        "environment.yml": "dependencies:\n  - numpy=1.26\n",
        "Pipfile": "[packages]\nrequests = \"*\"\n",
        "chart/values.yaml": "image:\n  repository: org/api\n  tag: latest\n",
        ".devcontainer/devcontainer.json": "{ \"image\": \"mcr.microsoft.com/devcontainers/python\" }\n",
        "overlays/kustomization.yaml": "images:\n  - name: app\n    newTag: latest\n",
        "export.py": "get_ipython().system('pip install pandas')\n",
        "tool.py": "print('pip install pandas')\n",
    ]

    @Test(.enabled(if: PackagePaths.builtBinary != nil)) func everyKindIsFoundAndLocated() throws {
        let root = try LintCommandTests.repository(Self.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try LintCommandTests.run([], in: root)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            .devcontainer/devcontainer.json:1:12: warning: dev container image 'mcr.microsoft.com/devcontainers/python' has no tag or digest, so it pulls ':latest' [image.untagged]
            .github/workflows/ci.yml:5:16: warning: workflow container image 'python' has no tag or digest, so it pulls ':latest' [image.untagged]
            .github/workflows/ci.yml:7:15: warning: action 'actions/checkout' is pinned to the moving tag 'v4' [actions.unpinned]
              note: pin an exact release tag (e.g. '@v4.1.7') or a full commit SHA with the tag in a trailing comment
            .gitlab-ci.yml:1:8: warning: CI image 'python:latest' uses the 'latest' tag [image.latest-tag]
            .gitlab-ci.yml:3:14: warning: include of 'g/t' has no ref, so it follows the default branch [gitlab.unpinned-include]
              note: pin an exact release tag or a full commit SHA
            Pipfile:2:1: warning: [packages] package 'requests' has no version [pipfile.unpinned]
              note: pin an exact version with '==' (or install from a pinned requirements file)
            chart/values.yaml:2:15: warning: Helm values image 'org/api:latest' uses the 'latest' tag [image.latest-tag]
            environment.yml:2:5: warning: environment dependency 'numpy=1.26' is not an exact version [environment.unpinned]
              note: pin with '==x.y.z' or '=x.y.z=build'
            export.py:1:35: warning: notebook installs 'pandas' without a version [notebook.unpinned-install]
              note: pin an exact version with '==' (or install from a pinned requirements file)
            overlays/kustomization.yaml:3:13: warning: kustomize image override 'app:latest' uses the 'latest' tag [image.latest-tag]

            """)
        let github = try LintCommandTests.run(["--format", "github"], in: root)
        let files = Set(github.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: ",").first.map { String($0.dropFirst("::warning file=".count)) }
        })
        #expect(files == Set(Self.files.keys).subtracting(["tool.py"]))
    }
}
