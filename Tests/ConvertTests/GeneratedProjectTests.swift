import Foundation
import Testing
import TestSupport

/// Converted projects run for real: their own tests pass under pytest, the pipeline runs from
/// another folder, and ruff, hadolint and `nbship lint` report nothing.
@Suite(.serialized) struct GeneratedProjectTests {
    static let notebooks = [
        "fixtures/demo/churn.ipynb",
        "../shared/corpus/notebooks/edge-cases/edge_inplace_mutation.ipynb",
        "../shared/corpus/notebooks/edge-cases/edge_global_in_function.ipynb",
        "../shared/corpus/notebooks/edge-cases/edge_star_import.ipynb",
        "fixtures/local-module/local_module.ipynb",
        "fixtures/results/flowers.ipynb",
    ]
    static let hasStack = TestPython.canImport("pandas", "sklearn", "fastapi", "httpx", "pytest", "joblib")
    static let venvBin = URL(fileURLWithPath: TestPython.interpreter).deletingLastPathComponent()
    static var ruff: URL? { tool("ruff") }
    static var hadolint: URL? { tool("hadolint") }

    static func tool(_ name: String) -> URL? {
        let url = venvBin.appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Converts with the real binary into a new folder; returns the project and its package.
    static func convert(_ notebook: String) throws -> (URL, String) {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-project")
        let project = root.appendingPathComponent("project")
        let result = try NBShip.run(["convert", notebook, "-o", project.path, "--python", TestPython.interpreter, "--format", "json"])
        #expect(result.status == 0, "\(notebook): \(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (project, report?["package"] as? String ?? "")
    }

    @Test(.enabled(if: hasStack), arguments: notebooks)
    func projectTestsAndPipelinePass(notebook: String) throws {
        let (project, package) = try Self.convert(notebook)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let environment = ["MPLBACKEND": "Agg", "NO_COLOR": "1"]
        let pytest = try TestPython.run(["-m", "pytest", "-q", "-p", "no:cacheprovider"], in: project, environment: environment)
        #expect(pytest.status == 0, "\(notebook): pytest failed\n\(pytest.stdout.suffix(3000))\n\(pytest.stderr.suffix(2000))")
        #expect(pytest.stdout.contains(" passed"), "\(pytest.stdout)")
        if notebook.hasSuffix("local_module.ipynb") {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("src/helpers.py").path), "the local module is copied")
        }
        let elsewhere = try PackagePaths.temporaryDirectory(prefix: "nbship-elsewhere")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        var pathEnvironment = environment
        pathEnvironment["PYTHONPATH"] = project.appendingPathComponent("src").path
        let train = try TestPython.run(["-m", "\(package).train"], in: elsewhere, environment: pathEnvironment)
        #expect(train.status == 0, "\(notebook): train failed\n\(train.stderr.suffix(2000))")
        // The exploration notebook runs too (its magics aside), from its own folder.
        let explore = """
            import json, sys
            cells = json.load(open("explore.ipynb"))["cells"]
            code = [c for c in cells if c["cell_type"] == "code"]
            assert code, "no code cells"
            for cell in code:
                lines = [l for l in "".join(cell["source"]).split("\\n") if not l.lstrip().startswith(("%", "!"))]
                exec(compile("\\n".join(lines), "explore.ipynb", "exec"), globals())
            print("explored", len(code))
            """
        let explored = try TestPython.run(["-c", explore], in: project.appendingPathComponent("notebooks"), environment: pathEnvironment)
        #expect(explored.status == 0 && explored.stdout.contains("explored"), "\(notebook): explore.ipynb failed\n\(explored.stderr.suffix(2000))")
        let inference = try TestPython.run(["-m", "\(package).inference"], in: elsewhere, environment: pathEnvironment)
        #expect(inference.status == 0 || !FileManager.default.fileExists(atPath: project.appendingPathComponent("src/\(package)/inference.py").path),
                "\(notebook): inference failed\n\(inference.stderr.suffix(2000))")
    }

    @Test(.enabled(if: ruff != nil && hadolint != nil), arguments: notebooks)
    func ruffHadolintAndLintReportNothing(notebook: String) throws {
        let (project, _) = try Self.convert(notebook)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let ruff = try ProcessRunner.run(try #require(Self.ruff), arguments: ["check", "--isolated", "--no-cache", "."], in: project)
        #expect(ruff.status == 0, "\(notebook): ruff\n\(ruff.stdout.prefix(4000))")
        let hadolint = try ProcessRunner.run(try #require(Self.hadolint), arguments: ["--failure-threshold", "style", "Dockerfile"], in: project)
        #expect(hadolint.status == 0 && hadolint.stdout.isEmpty, "\(notebook): hadolint\n\(hadolint.stdout)")
        let lint = try NBShip.run(["lint", project.path])
        #expect(lint.status == 0, "\(notebook): nbship lint\n\(lint.stdout)\(lint.stderr)")
    }

    /// With a base image pinned by digest (`--base …@sha256:…`) even `lint --strict` is clean.
    @Test func strictLintIsCleanWithADigestPinnedBase() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-project")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = "python:3.11.11-slim-bookworm@sha256:" + String(repeating: "ab", count: 32)
        let result = try NBShip.run(["convert", "fixtures/demo/churn.ipynb", "-o", root.appendingPathComponent("p").path,
                                     "--python", TestPython.interpreter, "--base", base])
        #expect(result.status == 0, "\(result.stderr)")
        let dockerfile = try String(contentsOf: root.appendingPathComponent("p/Dockerfile"), encoding: .utf8)
        #expect(dockerfile.hasPrefix("FROM \(base)\n"))
        let lint = try NBShip.run(["lint", "--strict", root.appendingPathComponent("p").path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    }
}
