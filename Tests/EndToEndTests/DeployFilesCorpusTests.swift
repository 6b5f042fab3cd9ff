import Foundation
import TestSupport
import Testing

/// Issue 14's "on every corpus project": every corpus notebook that converts (in the corpus
/// environment when there is one, as ConvertCorpusTests does) gets deployment files that the
/// validators accept: the compose specification's schema, `kubernetes-validate --strict`,
/// actionlint, `zizmor --offline --persona pedantic`, and `nbship lint`. Only `convert` runs per
/// notebook (two at a time); each validator then runs once over all the projects.
@Suite struct DeployFilesCorpusTests {
    static let bin = URL(fileURLWithPath: TestPython.interpreter).deletingLastPathComponent()
    static func tool(_ name: String) -> String? {
        let path = bin.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    static let composeWheel: String? = ProcessInfo.processInfo.environment["NBSHIP_TEST_WHEELS"].map {
        $0 + "/docker_compose-1.29.2-py2.py3-none-any.whl"
    }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    static var enabled: Bool {
        FileManager.default.fileExists(atPath: PackagePaths.corpus.path) && composeWheel != nil
            && ["kubernetes-validate", "actionlint", "zizmor"].allSatisfy { tool($0) != nil } && TestPython.canImport("jsonschema", "yaml")
    }

    @Test(.enabled(if: enabled, "needs ../shared/corpus and .venv's validators (make setup)"), .timeLimit(.minutes(20)))
    func everyCorpusProjectsDeploymentFilesValidate() async throws {
        let python = ProcessInfo.processInfo.environment["NBSHIP_CORPUS_PYTHON"].flatMap { TestPython.canImport([], using: $0) ? $0 : nil }
            ?? TestPython.interpreter
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-deploy-corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = ConvertCorpusTests.notebooks
        let binary = PackagePaths.binary.path
        let converted: [String?] = await ParallelMap.map(Array(notebooks.enumerated()), width: 2) { item in
            let project = folder.appendingPathComponent(String(format: "%02d", item.offset)).path
            let result = try? ProcessRunner.run([binary, "convert", item.element.path, "-o", project, "--python", python])
            return result?.status == 0 ? project : nil
        }
        let projects = converted.compactMap { $0 }
        print("deploy files: validating \(projects.count) of \(notebooks.count) corpus projects")
        // Notebooks the corpus python cannot convert (an import it lacks) are ConvertCorpusTests' business.
        #expect(projects.count * 10 >= notebooks.count * 8, "only \(projects.count) of \(notebooks.count) notebooks converted")

        let composeFiles = projects.map { $0 + "/compose.yaml" }
        let compose = try TestPython.run([PackagePaths.root.appendingPathComponent("Tests/ConvertTests/validate_compose.py").path,
                                          try #require(Self.composeWheel)] + composeFiles)
        #expect(compose.status == 0 && compose.stdout.contains("compose schema: valid (\(projects.count) files)"), "\(compose.stdout.prefix(4000))")
        let manifests = projects.flatMap { project in
            ["artifacts-pvc", "deployment", "service", "hpa", "train-job"].map { "\(project)/deploy/k8s/\($0).yaml" }
        }
        let workflows = projects.map { $0 + "/.github/workflows/ci.yml" }
        let checks: [(String, [String])] = [
            ("kubernetes-validate", ["--strict", "--quiet"] + manifests),
            ("actionlint", workflows),
            ("zizmor", ["--offline", "--persona", "pedantic", "--no-progress"] + workflows),
        ]
        for (tool, arguments) in checks {
            let result = try ProcessRunner.run([try #require(Self.tool(tool))] + arguments)
            #expect(result.status == 0, "\(tool): exit \(result.status)\n\(result.stdout.prefix(4000))\(result.stderr.prefix(2000))")
        }
        for project in projects {
            let lint = try ProcessRunner.run([binary, "lint", project + "/compose.yaml", project + "/deploy", project + "/.github", project + "/Dockerfile"])
            #expect(lint.status == 0, "\(project): nbship lint\n\(lint.stdout)\(lint.stderr)")
        }
    }
}
