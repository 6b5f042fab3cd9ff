import Foundation
import Testing
import TestSupport

/// `notebooks/explore.ipynb`'s setup cell imports only what the exploration cells read before they
/// bind it themselves: ruff's pyflakes rules find no redefinition (F811) or unused import (F401)
/// caused by it, and the notebook still runs.
@Suite struct ExploreNotebookTests {
    static let fixture = "fixtures/explore/redefined.ipynb"
    /// The corpus environment's python, which has ruff (`make setup-corpus`).
    static let corpusPython: String? = ProcessInfo.processInfo.environment["NBSHIP_CORPUS_PYTHON"]
        .flatMap { $0.isEmpty ? nil : $0 }.flatMap { TestPython.canImport(["ruff", "pandas", "sklearn"], using: $0) ? $0 : nil }

    /// The code cells' sources of the converted fixture's explore notebook.
    static func exploreCells() throws -> [String] {
        let project = try ConvertSupport.convert(fixture)
        let file = try #require(project.files.first { $0.path == "notebooks/explore.ipynb" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        return cells.filter { $0["cell_type"] as? String == "code" }.map { ($0["source"] as? [String] ?? []).joined() }
    }

    @Test func theSetupImportsNothingTheExplorationDefinesOrNeverReads() throws {
        let cells = try Self.exploreCells()
        let setup = try #require(cells.first)
        // `sigmoid` and `describe` are defined again by exploration cells before any read.
        for name in ["sigmoid", "describe"] {
            #expect(!setup.contains("import \(name)") && !setup.contains(", \(name)"), "setup imports \(name):\n\(setup)")
            #expect(cells.dropFirst().contains { $0.contains("def \(name)(") })
        }
        // `math` is read by the first exploration cell's function, so it is imported once.
        #expect(setup.components(separatedBy: "import math").count == 2, "\(setup)")
        #expect(setup.contains("= load_data()"), "\(setup)")
    }

    @Test(.enabled(if: corpusPython != nil, "needs NBSHIP_CORPUS_PYTHON with ruff: make setup-corpus"))
    func ruffFindsNothingTheSetupCellCausesAndTheNotebookRuns() throws {
        let python = try #require(Self.corpusPython)
        let project = try ConvertSupport.write(try ConvertSupport.convert(Self.fixture))
        defer { try? FileManager.default.removeItem(at: project) }
        let ruff = try ProcessRunner.run(
            ["/usr/bin/env", python, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", "F", "--output-format", "concise",
             "notebooks/explore.ipynb"], in: project)
        // ruff numbers cells from 1: the markdown title, then the setup cell.
        let findings = ruff.stdout.split(separator: "\n").filter { $0.contains(": F") }
        #expect(!findings.contains { $0.contains(":cell 2:") || $0.contains("from cell 2,") }, "\(ruff.stdout)")
        let run = """
            import json
            cells = json.load(open("explore.ipynb"))["cells"]
            for cell in cells:
                if cell["cell_type"] == "code":
                    exec(compile("".join(cell["source"]), "explore.ipynb", "exec"), globals())
            print("explored")
            """
        let explored = try ProcessRunner.run(["/usr/bin/env", python, "-c", run], in: project.appendingPathComponent("notebooks"),
                                             environment: ["PYTHONPATH": project.appendingPathComponent("src").path, "MPLBACKEND": "Agg"])
        #expect(explored.stdout.contains("explored"), "\(explored.stderr.suffix(2000))")
    }
}
