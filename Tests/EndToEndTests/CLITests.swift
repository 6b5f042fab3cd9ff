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
}
