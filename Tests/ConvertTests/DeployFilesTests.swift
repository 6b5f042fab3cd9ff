import Foundation
import Testing
import TestSupport

/// Every file `nbship convert` writes for deployment is clean under the tools users' CI runs on
/// it: the Compose Specification's JSON schema (`validate_compose.py`), the Kubernetes schemas
/// (`kubernetes-validate --strict`, offline), actionlint (with shellcheck when installed) and
/// zizmor (`--offline`, pedantic), ruff, hadolint, and `nbship lint` itself; the kustomization
/// names only files that exist and an image the manifests use.
@Suite(.serialized) struct DeployFilesTests {
    static let bin = URL(fileURLWithPath: TestPython.interpreter).deletingLastPathComponent()
    static func tool(_ name: String) -> URL? {
        let url = bin.appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
    /// docker-compose's wheel (for its compose_spec.json), which the Makefile downloads beside setuptools'.
    static let composeWheel: URL? = {
        guard let folder = ProcessInfo.processInfo.environment["NBSHIP_TEST_WHEELS"] else { return nil }
        let wheel = URL(fileURLWithPath: folder).appendingPathComponent("docker_compose-1.29.2-py2.py3-none-any.whl")
        return FileManager.default.fileExists(atPath: wheel.path) ? wheel : nil
    }()
    static let tools = ["ruff", "hadolint", "kubernetes-validate", "actionlint", "zizmor"]
    static var enabled: Bool { composeWheel != nil && tools.allSatisfy { tool($0) != nil } && TestPython.canImport("jsonschema", "yaml") }

    static let deployFiles = [
        "compose.yaml", ".github/workflows/ci.yml", "deploy/k8s/kustomization.yaml", "deploy/k8s/deployment.yaml",
        "deploy/k8s/service.yaml", "deploy/k8s/hpa.yaml", "deploy/k8s/train-job.yaml", "deploy/k8s/artifacts-pvc.yaml",
    ]

    /// Runs a tool in the project; the failure message has its output.
    static func run(_ tool: String, _ arguments: [String], in project: URL) throws -> (Bool, String) {
        let result = try ProcessRunner.run(try #require(Self.tool(tool)), arguments: arguments, in: project)
        return (result.status == 0, "\(tool) \(arguments.joined(separator: " ")): exit \(result.status)\n\(result.stdout.prefix(4000))\(result.stderr.prefix(2000))")
    }

    @Test(.enabled(if: enabled, "needs .venv with the validators (make setup)"), arguments: GeneratedProjectTests.notebooks)
    func generatedFilesAreCleanUnderEveryValidator(notebook: String) throws {
        let (project, _) = try GeneratedProjectTests.convert(notebook)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        for file in Self.deployFiles {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(file).path), "\(notebook): no \(file)")
        }
        let compose = try TestPython.run([PackagePaths.root.appendingPathComponent("Tests/ConvertTests/validate_compose.py").path,
                                          try #require(Self.composeWheel).path, "compose.yaml"], in: project)
        #expect(compose.status == 0 && compose.stdout.contains("compose schema: valid"), "\(notebook): \(compose.stdout)\(compose.stderr)")
        let manifests = Self.deployFiles.filter { $0.hasPrefix("deploy/k8s/") && !$0.hasSuffix("kustomization.yaml") }
        let checks: [(String, [String])] = [
            ("kubernetes-validate", ["--strict", "--quiet"] + manifests),
            ("actionlint", [".github/workflows/ci.yml"]),
            ("zizmor", ["--offline", "--persona", "pedantic", "--no-progress", ".github/workflows/ci.yml"]),
            ("ruff", ["check", "--isolated", "--no-cache", "."]),
            ("hadolint", ["--failure-threshold", "style", "Dockerfile"]),
        ]
        for (tool, arguments) in checks {
            let (ok, output) = try Self.run(tool, arguments, in: project)
            #expect(ok, "\(notebook): \(output)")
        }
        let lint = try NBShip.run(["lint", project.path])
        #expect(lint.status == 0, "\(notebook): nbship lint\n\(lint.stdout)\(lint.stderr)")
        // The kustomization's resources exist, and its image override matches the manifests' image.
        let kustomize = try TestPython.run(["-c", """
            import os, yaml
            k = yaml.safe_load(open("deploy/k8s/kustomization.yaml"))
            missing = [r for r in k["resources"] if not os.path.isfile(os.path.join("deploy/k8s", r))]
            images = set()
            for r in k["resources"]:
                for doc in yaml.safe_load_all(open(os.path.join("deploy/k8s", r))):
                    spec = doc.get("spec", {}).get("template", {}).get("spec", {})
                    images |= {c["image"].split(":")[0] for c in spec.get("containers", [])}
            names = {i["name"] for i in k["images"]}
            assert not missing, missing
            assert images and images <= names, (images, names)
            assert all(i["digest"].startswith("sha256:") and len(i["digest"]) == 71 for i in k["images"])
            print("kustomization ok")
            """], in: project)
        #expect(kustomize.stdout.contains("kustomization ok"), "\(notebook): \(kustomize.stderr)")
    }

    /// With a base image pinned by digest, `nbship lint --strict` is clean on the whole project,
    /// deployment files included.
    @Test(.enabled(if: enabled)) func strictLintIsCleanOnTheDeployFiles() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-deploy")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = "python:3.11.11-slim-bookworm@sha256:" + String(repeating: "ab", count: 32)
        let project = root.appendingPathComponent("p")
        let result = try NBShip.run(["convert", "fixtures/demo/churn.ipynb", "-o", project.path, "--python", TestPython.interpreter, "--base", base])
        try #require(result.status == 0, "\(result.stderr)")
        let lint = try NBShip.run(["lint", "--strict", project.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    }
}
