import Foundation
import Testing
import TestSupport

/// The notebook's recorded results become `tests/test_notebook_results.py`: it passes on the
/// project as converted, `nbship verify` prints the same checks as a table, and changing one
/// constant of the generated code makes both fail, naming the cell.
@Suite(.serialized) struct NotebookResultsTests {
    static let notebook = "fixtures/results/flowers.ipynb"
    static let hasStack = GeneratedProjectTests.hasStack

    @Test("the convert report counts checks by kind and unchecked values by reason", .enabled(if: hasStack))
    func report() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-results")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try NBShip.run(["convert", Self.notebook, "-o", root.appendingPathComponent("p").path, "--dry-run",
                                     "--python", TestPython.interpreter, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [String: Any])
        #expect(results["checked"] as? Int == 9)
        #expect(results["exact"] as? Int == 8)
        #expect(results["by_range"] as? Int == 1)
        #expect((results["unchecked"] as? [String: Int]) == ["exploration": 1])
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        let unseeded = diagnostics.filter { $0["id"] as? String == "verify.unseeded-random" }
        #expect(unseeded.count == 1)
        #expect((unseeded.first?["location"] as? [String: Any])?["cell"] as? Int == 10)
        let text = try NBShip.run(["convert", Self.notebook, "-o", root.appendingPathComponent("q").path, "--dry-run", "--python", TestPython.interpreter])
        #expect(text.stdout.contains("recorded results: 9 checked (8 to the digits shown, 1 by range: unseeded randomness); not checked: 1 an output of exploration code"))
        #expect(text.stderr.contains("flowers.ipynb:cell_10:1:10: warning: RandomForestClassifier without random_state"))
    }

    @Test(.enabled(if: hasStack))
    func recordedResultsAreReproducedAndAChangedConstantIsCaught() throws {
        let (project, _) = try GeneratedProjectTests.convert(Self.notebook)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let tests = try String(contentsOf: project.appendingPathComponent("tests/test_notebook_results.py"), encoding: .utf8)
        #expect(tests.contains(#"("cell_9", "accuracy: 0.7750", 0, None, 1e-6, None),"#))
        #expect(tests.contains(#"("cell_10", "forest accuracy: 0.85", 0, "RandomForestClassifier without random_state (cell_10:1:10)", 1e-6, None),"#))
        let environment = ["MPLBACKEND": "Agg", "NO_COLOR": "1"]
        let pytest = try TestPython.run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_notebook_results.py"], in: project, environment: environment)
        #expect(pytest.status == 0, "\(pytest.stdout.suffix(3000))\n\(pytest.stderr.suffix(2000))")
        #expect(pytest.stdout.contains("9 passed"), "\(pytest.stdout)")
        #expect(tests.contains(#"("cell_11", "0.775", 0, None, 1e-6, "model_score"),"#))
        let train = try String(contentsOf: project.appendingPathComponent("src/flowers/train.py"), encoding: .utf8)
        #expect(train.contains("    metrics[\"model_score\"] = model.score(X_test, y_test)\n    return metrics\n"))

        let verify = try NBShip.run(["verify", project.path, "--python", TestPython.interpreter])
        #expect(verify.status == 0, "\(verify.stdout)\n\(verify.stderr.suffix(2000))")
        let rows = verify.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("cell") == true)
        #expect(rows.count == 10)
        #expect(rows.contains { $0.hasPrefix("cell_11") && $0.contains("0.775") && $0.hasSuffix("same") })
        #expect(rows.contains { $0.hasPrefix("cell_9 ") && $0.contains("accuracy: 0.7750") && $0.hasSuffix("same") })
        #expect(rows.contains { $0.hasPrefix("cell_10") && $0.hasSuffix("in range") })

        // The hyperparameter of the logistic regression, wherever convert put it.
        let sources = ["src/flowers/train.py", "src/flowers/model.py", "src/flowers/config.py"].map { project.appendingPathComponent($0) }
        let holder = try #require(sources.first { (try? String(contentsOf: $0, encoding: .utf8))?.contains("0.05") == true })
        let text = try String(contentsOf: holder, encoding: .utf8)
        try text.replacingOccurrences(of: "0.05", with: "1.0").write(to: holder, atomically: true, encoding: .utf8)
        let changed = try NBShip.run(["verify", project.path, "--python", TestPython.interpreter])
        #expect(changed.status == 1, "\(changed.stdout)")
        #expect(changed.stdout.split(separator: "\n").contains { $0.hasPrefix("cell_7 ") && $0.hasSuffix("differs") }, "\(changed.stdout)")
        #expect(changed.stderr.contains("verify.mismatch"))
        let failing = try TestPython.run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_notebook_results.py"], in: project, environment: environment)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("cell_7 printed 'petal: 0.6733'; the project prints 'petal: "), "\(failing.stdout.suffix(3000))")
    }

    @Test("verify on a folder that is not a project is a located error, exit 2")
    func notAProject() throws {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-verify")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try NBShip.run(["verify", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no pyproject.toml"))
        #expect(result.stderr.contains("[verify.not-a-project]"))
    }
}
