import Foundation
import TestSupport
import Testing

/// nbship lints its own repository clean: the Makefile-free way CI uses it, `nbship lint` with
/// no paths, honouring `.gitignore` and the `exclude` list of `.nbship.toml`.
@Suite struct SelfLintTests {
    static let isGitCheckout = FileManager.default.fileExists(
        atPath: PackagePaths.root.appendingPathComponent(".git").path)

    @Test(.enabled(if: isGitCheckout, "needs the git checkout of the repository"))
    func theRepositoryLintsClean() throws {
        let result = try NBShip.run(["lint", "--severity-threshold", "note"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func excludedFilesAreStillLintedWhenNamed() throws {
        // fixtures/ is excluded from scans, but a file named on the command line is linted.
        let result = try NBShip.run(["lint", "fixtures/demo/churn.ipynb"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("fixtures/demo/churn.ipynb:cell_0:1:48: warning: notebook installs 'matplotlib' without a version [notebook.unpinned-install]"))
    }
}
