import Diagnostics
import Foundation
import Testing
@testable import Image

/// `[tool.nbship]` in pyproject.toml says which notebook the project came from.
@Suite struct ProjectMetadataTests {
    static let hex = String(repeating: "0123456789abcdef", count: 4)

    @Test func readsTheTableConvertWrites() throws {
        let text = """
            [project]
            name = "churn"
            description = \"\"\"
            [tool.nbship]
            notebook = "not this one"
            \"\"\"
            dependencies = [
                "pandas==2.1.4",
            ]

            [tool.nbship]  # written by nbship convert
            notebook = "notebooks/churn \\u00e9.ipynb"
            notebook-sha256 = "\(Self.hex)"
            other = 3

            [tool.other]
            notebook = "elsewhere.ipynb"
            """
        let metadata = try ProjectMetadata.parse(text, path: "pyproject.toml")
        #expect(metadata == ProjectMetadata(notebook: "notebooks/churn é.ipynb", notebookDigest: Digest(hex: Self.hex)))
        #expect(metadata.labels == [
            "io.nbship.notebook": "notebooks/churn é.ipynb",
            "io.nbship.notebook.digest": "sha256:" + Self.hex,
        ])
    }

    @Test(arguments: [
        "[tool.\"nbship\"]\nnotebook-sha256 = 'sha256:\(hex.uppercased())'\n",
        "[ tool . nbship ]\r\n\"notebook-sha256\" = \"\(hex)\" # comment\r\n",
    ])
    func acceptsOtherSpellings(text: String) throws {
        #expect(try ProjectMetadata.parse(text, path: "p").notebookDigest == Digest(hex: Self.hex))
    }

    @Test(arguments: [
        "[project]\nname = \"x\"\n",
        "[tool.nbship.extra]\nnotebook = \"x.ipynb\"\n",
        "[[tool.nbship]]\nnotebook = \"x.ipynb\"\n",
        "",
    ])
    func absentTableGivesNoLabels(text: String) throws {
        #expect(try ProjectMetadata.parse(text, path: "p").labels.isEmpty)
    }

    @Test(arguments: [
        ("[tool.nbship]\nnotebook-sha256 = \"abc\"\n", "'notebook-sha256' in [tool.nbship] must be 64 hex digits, not 'abc'"),
        ("[tool.nbship]\n  notebook = 42\n", "'notebook' in [tool.nbship] must be a string"),
    ])
    func badValuesAreReportedWhereTheyAre(text: String, message: String) throws {
        let error = #expect(throws: DiagnosticError.self) { try ProjectMetadata.parse(text, path: "pyproject.toml") }
        #expect(error?.diagnostic.id == "image.bad-project-metadata")
        #expect(error?.diagnostic.message == message)
        #expect(error?.diagnostic.location?.line == 2)
        #expect(error?.diagnostic.location?.column == (text.contains("  notebook") ? 3 : 1))
    }

    @Test func buildRecordsTheNotebookLabelsAndTheRequestWins() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/project"
        try Support.copyFixture(to: project)
        try "[tool.nbship]\nnotebook = \"iris.ipynb\"\nnotebook-sha256 = \"\(Self.hex)\"\n"
            .write(toFile: project + "/pyproject.toml", atomically: false, encoding: .utf8)
        func labels(_ given: [String: String]) async throws -> JSONValue? {
            let request = ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", workDirectory: work,
                                            toolVersion: "test", labels: given)
            let build = try await ImageBuilder().build(request)
            try ImageArchiveWriter(modificationTime: 0).write(build.layout, to: work + "/image.tar")
            return try ImageInspector(workDirectory: work).inspect(work + "/image.tar", verify: false).images.first?.config["config"]?["Labels"]
        }
        let recorded = try await labels([:])
        #expect(recorded?["io.nbship.notebook"] == .string("iris.ipynb"))
        #expect(recorded?["io.nbship.notebook.digest"] == .string("sha256:" + Self.hex))
        let overridden = try await labels([ImageBuildRequest.notebookDigestLabel: "sha256:" + String(repeating: "f", count: 64)])
        #expect(overridden?["io.nbship.notebook.digest"] == .string("sha256:" + String(repeating: "f", count: 64)))
        #expect(overridden?["io.nbship.notebook"] == .string("iris.ipynb"))
        // The fixture itself has no pyproject.toml: no notebook labels.
        let plain = try await Support.buildFixture(output: work + "/plain.tar", work: work)
        #expect(plain.layers.isEmpty == false)
        let report = try ImageInspector(workDirectory: work).inspect(work + "/plain.tar", verify: false)
        #expect(report.images.first?.config["config"]?["Labels"]?["io.nbship.notebook.digest"] == nil)
    }
}
