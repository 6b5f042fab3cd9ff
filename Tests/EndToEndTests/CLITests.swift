import Foundation
import TestSupport
import Testing

@Suite struct CLITests {
    @Test func versionPrintsTheVersion() throws {
        let result = try NBShip.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try NBShip.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("plan"))
        #expect(result.stdout.contains("Exit codes: 0 success, 1 findings or a failed build, 2 bad input or usage."))
    }

    @Test(arguments: [
        ["plan"],
        ["plan", "--format", "xml", "fixtures/demo/churn.ipynb"],
        ["no-such-command"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try NBShip.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
    }

    @Test func aMissingNotebookIsALocatedErrorWithExitTwo() throws {
        let result = try NBShip.run(["plan", "does-not-exist.ipynb"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: cannot open 'does-not-exist.ipynb': no such file or directory [notebook.io]\n")
    }

    @Test("plan --format mermaid and dot draw the pipeline convert writes, the same one the project README shows")
    func planDrawsThePipeline() throws {
        let mermaid = try NBShip.run(["plan", "fixtures/demo/churn.ipynb", "--format", "mermaid"])
        #expect(mermaid.status == 0, "\(mermaid.stderr)")
        #expect(mermaid.stdout.hasPrefix("flowchart LR\n"))
        #expect(mermaid.stdout.contains("    data_0[(\"data/churn.csv\")]\n"))
        #expect(mermaid.stdout.contains("    data_0 --> load_data\n"))
        #expect(mermaid.stdout.contains("    train -->|\"model\"| artifact_0\n"))
        let golden = try String(contentsOf: PackagePaths.fixture("convert/churn.txt"), encoding: .utf8)
        #expect(golden.contains("```mermaid\n" + mermaid.stdout + "```"), "the README's picture is plan's")
        let dot = try NBShip.run(["plan", "fixtures/demo/churn.ipynb", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph pipeline {\n"))
        #expect(dot.stdout.contains("    load_data -> train [label=\"X_train, y_train\"];\n"))
        if let graphviz = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let parsed = try ProcessRunner.run(URL(fileURLWithPath: graphviz), arguments: ["-Tsvg"], input: .data(Data(dot.stdout.utf8)))
            #expect(parsed.status == 0, "graphviz rejects it: \(parsed.stderr)")
        }
    }
}
