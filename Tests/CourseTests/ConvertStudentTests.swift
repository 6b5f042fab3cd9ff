import Course
import Foundation
import TestSupport
import Testing

/// `nbship convert --student` on the churn lab (fixtures/course/churn-lab), run as the real
/// binary: the solution project's tests pass, the starter project imports and its tests fail
/// with NotImplementedError, the student notebook is `nbship student`'s, and every way a
/// solution line can reach students is caught before anything is written.
@Suite(.serialized, .enabled(if: ConvertTestSupport.ready))
struct ConvertStudentTests {
    static let stubbed = ["src/churn_lab/data.py", "src/churn_lab/model.py", "src/churn_lab/train.py"]

    /// Converts the lab (after `edit`) into `lab/out`; returns the lab folder and the result.
    static func convertLab(
        extra: [String] = [], edit: ((inout [[String: Any]]) -> Void)? = nil
    ) throws -> (lab: URL, result: ProcessRunner.Result) {
        let lab = try ConvertTestSupport.labCopy()
        if let edit { try ConvertTestSupport.editLab(in: lab, edit) }
        let result = try ConvertTestSupport.convert(["--student", "churn_lab.ipynb", "-o", "out"] + extra, in: lab)
        return (lab, result)
    }

    /// A failed conversion wrote nothing: the lab folder holds what it held before.
    static func expectNothingWritten(_ lab: URL) throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: lab.path).sorted() == ["churn_lab.ipynb", "data"])
    }

    @Test func writesSolutionStarterAndStudentNotebook() throws {
        let (lab, result) = try Self.convertLab()
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasSuffix("""
            starter/ (3 with solutions removed: \(Self.stubbed.joined(separator: ", "))), student.ipynb (4 solution cell(s) stubbed)
            next: cd out/solution && python -m pytest

            """), "\(result.stderr)")
        let out = lab.appendingPathComponent("out")
        let tree = try ConvertTestSupport.tree(out)
        let solution = tree.filter { $0.key.hasPrefix("solution/") }
        let starter = tree.filter { $0.key.hasPrefix("starter/") }
        // The same project twice, plus the student notebook; data copied into both.
        #expect(Set(solution.keys.map { $0.dropFirst("solution/".count) }) == Set(starter.keys.map { $0.dropFirst("starter/".count) }))
        #expect(tree.count == solution.count + starter.count + 1)
        #expect(solution["solution/data/customers.csv"] == (try Data(contentsOf: lab.appendingPathComponent("data/customers.csv"))))
        #expect(starter["starter/data/customers.csv"] == solution["solution/data/customers.csv"])
        let differing = solution.keys.filter { starter["starter/" + $0.dropFirst("solution/".count)] != solution[$0] }
        #expect(differing.map { String($0.dropFirst("solution/".count)) }.sorted() == Self.stubbed)

        // Each region is stubbed inside the function it landed in, at its indentation.
        let data = try ConvertTestSupport.text(out, "starter/src/churn_lab/data.py")
        #expect(data.contains("""
            def add_features(df):
                \"\"\"Adds tenure_years (the tenure in years) and drops incomplete rows.\"\"\"
                # YOUR CODE HERE
                raise NotImplementedError()

            """), "\(data)")
        let model = try ConvertTestSupport.text(out, "starter/src/churn_lab/model.py")
        #expect(model.contains("def build_model():\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"), "\(model)")
        // Hidden tests stay in the solution only; no marker or solution line reaches the starter.
        #expect(try ConvertTestSupport.text(out, "solution/src/churn_lab/train.py").contains("    assert accuracy > 0.75\n"))
        for (path, bytes) in starter {
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in ["### BEGIN", "### END", "assert accuracy > 0.75", "df[\"tenure_months\"] / 12", "C=0.5", "model.fit(X_train, y_train)"] {
                #expect(!text.contains(secret), "\(path) holds \(secret)")
            }
        }
        // The student notebook is exactly what `nbship student` makes.
        let student = try StudentVersion().make(
            from: Array(try Data(contentsOf: lab.appendingPathComponent("churn_lab.ipynb"))), path: "churn_lab.ipynb")
        #expect(try ConvertTestSupport.text(out, "student.ipynb") == student.text)
        #expect(student.solutionCells == [4, 7, 9, 15])
    }

    @Test func sameNotebookGivesTheSameBytes() throws {
        let (lab, first) = try Self.convertLab()
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(first.status == 0, "\(first.stderr)")
        let again = try ConvertTestSupport.convert(["--student", "churn_lab.ipynb", "-o", "again"], in: lab)
        #expect(again.status == 0, "\(again.stderr)")
        let one = try ConvertTestSupport.tree(lab.appendingPathComponent("out"))
        #expect(!one.isEmpty)
        #expect(one == (try ConvertTestSupport.tree(lab.appendingPathComponent("again"))))
    }

    @Test(.enabled(if: ConvertTestSupport.canRunProjectTests))
    func solutionTestsPassAndStarterImportsButFailsWithNotImplementedError() throws {
        let (lab, result) = try Self.convertLab()
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 0, "\(result.stderr)")
        let out = lab.appendingPathComponent("out")

        let solution = try ConvertTestSupport.pytest(in: out.appendingPathComponent("solution"))
        #expect(solution.status == 0, "\(solution.stdout)\(solution.stderr)")
        #expect(solution.stdout.contains(" passed"))
        #expect(!solution.stdout.contains("failed") && !solution.stdout.contains("error"), "\(solution.stdout)")

        let starter = out.appendingPathComponent("starter")
        let imports = try ProcessRunner.run(
            TestPython.commandLine + ["-B", "-c", "import sys; sys.path.insert(0, 'src'); import churn_lab.data, churn_lab.model, churn_lab.train, churn_lab.inference, churn_lab.serve"],
            in: starter, environment: ConvertTestSupport.environment)
        #expect(imports.status == 0, "\(imports.stderr)")

        let failing = try ConvertTestSupport.pytest(in: starter)
        #expect(failing.status == 1, "\(failing.stdout)")
        let summary = failing.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED ") || $0.hasPrefix("ERROR ") }
        // load_data and build_model fail; everything that trains errors in the fixture.
        #expect(summary.count >= 3, "\(failing.stdout)")
        for line in summary {
            #expect(line.contains("NotImplementedError"), "\(line)")
        }
        #expect(summary.contains { $0.contains("test_load_data_returns_values") })
        #expect(summary.contains { $0.contains("test_build_model_builds_a_model") })
        #expect(summary.contains { $0.contains("test_train_saves_its_artifacts") })
    }

    @Test func dryRunPrintsBothTreesAndWritesNothing() throws {
        let (lab, result) = try Self.convertLab(extra: ["--dry-run"])
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["out/", "  solution/", "  starter/", "  student.ipynb", "      customers.csv"] {
            #expect(("\n" + result.stdout).contains("\n" + line), "\(line)\n\(result.stdout)")
        }
        try Self.expectNothingWritten(lab)
    }

    @Test func wholeSolutionCellWithoutMarkersIsStubbedInsideItsFunction() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells[7]["source"] = "model = LogisticRegression(max_iter=1000, C=0.5)\n"
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 0, "\(result.stderr)")
        let out = lab.appendingPathComponent("out")
        #expect(try ConvertTestSupport.text(out, "solution/src/churn_lab/model.py").contains(
            "def build_model():\n    ### BEGIN SOLUTION\n    model = LogisticRegression(max_iter=1000, C=0.5)\n    ### END SOLUTION\n"))
        #expect(try ConvertTestSupport.text(out, "starter/src/churn_lab/model.py").contains(
            "def build_model():\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"))
    }

    @Test(.enabled(if: ConvertTestSupport.canConvertChurn))
    func notebookWithoutSolutionsWarnsAndGivesTwoEqualProjects() throws {
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let result = try ConvertTestSupport.convert(["--student", PackagePaths.fixture("demo/churn.ipynb").path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(
            "churn.ipynb:1:1: warning: the notebook has no solution region: the starter project is the solution project [course.no-solution]\n"))
        #expect(result.stderr.contains("starter/ (nothing removed), student.ipynb (0 solution cell(s) stubbed)\n"))
        let tree = try ConvertTestSupport.tree(out)
        let solution = tree.filter { $0.key.hasPrefix("solution/") }
        #expect(!solution.isEmpty)
        for (path, bytes) in solution {
            #expect(tree["starter/" + path.dropFirst("solution/".count)] == bytes, "\(path)")
        }
    }

    // MARK: - Leaks and misplaced regions: exit 2, located, nothing written.

    @Test func solutionLineCopiedIntoAMarkdownCellIsALeak() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells.append(["cell_type": "markdown", "id": "hint", "metadata": [String: Any](),
                          "source": "Hint:\n\n    df[\"tenure_years\"] = df[\"tenure_months\"] / 12\n"])
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(
            "churn_lab.ipynb:cell_16:3:5: error: line from a solution region appears in the student version [course.leak]\n"
                + "  note: it is line 5 of cell 4 in the solution: df[\"tenure_years\"] = df[\"tenure_months\"] / 12\n"), "\(result.stderr)")
        try Self.expectNothingWritten(lab)
    }

    @Test func solutionLineInATemplateFileIsALeak() throws {
        let templates = try PackagePaths.temporaryDirectory(prefix: "nbship-course-templates")
        defer { try? FileManager.default.removeItem(at: templates) }
        let copy = templates.appendingPathComponent("notebook-project")
        try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent("templates/notebook-project"), to: copy)
        let readme = copy.appendingPathComponent("README.md")
        let original = try String(contentsOf: readme, encoding: .utf8)
        try (original + "\nHint: `model.fit(X_train, y_train)`\n").write(to: readme, atomically: true, encoding: .utf8)
        let (lab, result) = try Self.convertLab(extra: ["--templates", templates.path])
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("starter/README.md:"), "\(result.stderr)")
        #expect(result.stderr.contains(":1: error: line from a solution region appears in the student version [course.leak]\n"), "\(result.stderr)")
        // The line number within train.py depends on the generated imports above it.
        #expect(result.stderr.contains(" of src/churn_lab/train.py in the solution: model.fit(X_train, y_train)\n"
                + "  note: remove the line from what students get, or move it out of the solution region if students may see it\n"),
            "\(result.stderr)")
        try Self.expectNothingWritten(lab)
    }

    @Test func settingInARegionLeaksThroughConfig() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells[2]["source"] = "SEED = 7\nTEST_SIZE = 0.25\nDATA_PATH = \"data/customers.csv\"\n"
                + "FEATURES = [\"tenure_years\", \"monthly_charges\", \"support_calls\"]\n### BEGIN SOLUTION\nREGULARISATION = 0.5\n### END SOLUTION\n"
            cells[2]["metadata"] = ConvertTestSupport.solutionMetadata
            cells[7]["source"] = "### BEGIN SOLUTION\nmodel = LogisticRegression(max_iter=1000, C=REGULARISATION)\n### END SOLUTION\n"
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("starter/src/churn_lab/config.py:"), "\(result.stderr)")
        #expect(result.stderr.contains(
            ":1: error: line from a solution region appears in the student version [course.leak]\n"
                + "  note: it is line 6 of cell 2 in the solution: REGULARISATION = 0.5\n"
                + "  note: convert moves the notebook's settings into config.py, out of any region: keep settings outside solution regions\n"),
            "\(result.stderr)")
        try Self.expectNothingWritten(lab)
    }

    @Test func importInARegionIsLocatedInTheNotebook() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells[7]["source"] = "### BEGIN SOLUTION\nfrom sklearn.tree import DecisionTreeClassifier\nmodel = DecisionTreeClassifier(max_depth=3)\n### END SOLUTION\n"
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr == """
            churn_lab.ipynb:cell_7:2:1: error: import inside a solution region: convert moves imports to the top of the module, out of the region [course.import-in-solution]
              note: move the import above '### BEGIN SOLUTION' (or into the notebook's import cell)

            """)
        try Self.expectNothingWritten(lab)
    }

    @Test func regionAroundAWholeDefinitionIsLocatedInTheNotebook() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells[4]["source"] = "### BEGIN SOLUTION\ndef add_features(df):\n    return df.assign(tenure_years=df[\"tenure_months\"] / 12).dropna()\n### END SOLUTION\n"
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(
            "churn_lab.ipynb:cell_4:2:1: error: solution region around a whole definition ('def add_features'): "
                + "the starter module would lose it and raise NotImplementedError on import [course.definition-in-solution]\n"), "\(result.stderr)")
        try Self.expectNothingWritten(lab)
    }

    @Test func regionThatRunsAtImportIsLocatedInTheNotebook() throws {
        let (lab, result) = try Self.convertLab { cells in
            cells.insert([
                "cell_type": "code", "id": "limits", "metadata": ConvertTestSupport.solutionMetadata, "outputs": [Any](),
                "execution_count": NSNull(),
                "source": "class Limits:\n    \"\"\"Thresholds for the report.\"\"\"\n    ### BEGIN SOLUTION\n    churn_risk = 0.5\n    ### END SOLUTION\n",
            ], at: 8)
        }
        defer { try? FileManager.default.removeItem(at: lab) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(
            "churn_lab.ipynb:cell_8:4:1: error: this solution region runs when 'src/churn_lab/model.py' is imported: "
                + "the starter module would raise NotImplementedError on import [course.stub-at-import]\n"), "\(result.stderr)")
        try Self.expectNothingWritten(lab)
    }
}
