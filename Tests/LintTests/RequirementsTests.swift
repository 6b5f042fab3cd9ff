import Diagnostics
import Testing
@testable import Lint

@Suite struct RequirementsTests {
    @Test(arguments: [
        ("pandas", PinLevel.none), ("pandas==2.2.2", .exact), ("pandas===2.2.2", .exact), ("pandas==2.*", .constrained),
        ("pandas>=2,<3", .constrained), ("pandas ~= 2.2", .constrained), ("requests[socks]==2.31.0", .exact),
        ("requests[socks]", .none), ("numpy==1.26.4; python_version<'3.13'", .exact),
        ("numpy ; python_version<'3.13'", .none), ("pkg (==1.0)", .exact),
        ("x @ git+https://github.com/o/x.git@0123456789abcdef0123456789abcdef01234567", .exact),
        ("x @ git+https://github.com/o/x.git@v1.0", .constrained), ("x @ git+https://github.com/o/x.git", .none),
        ("git+ssh://git@github.com/o/x.git#egg=x", .none), ("git+https://user:pw@host/o/x.git@main#egg=x", .constrained),
        ("x @ https://files.example.com/x-1.0.tar.gz", .exact), ("./vendor/pkg", .exact), ("dist/x-1.0-py3-none-any.whl", .exact),
    ])
    func pinLevels(_ requirement: String, _ pin: PinLevel) {
        #expect(PythonRequirement.classify(requirement).pin == pin)
    }

    @Test func includesAreFollowedRelativeToTheIncludingFile() {
        let files = [
            "app/requirements.txt": "-r base/common.txt\n--constraint=../constraints.txt\nflask\n",
            "app/base/common.txt": "numpy==1.26.4\nscipy\n",
            "constraints.txt": "flask==3.0.3\n",
        ]
        #expect(LintHarness.summary(files, configuration: LintConfiguration()) == [
            "requirements.unpinned@app/base/common.txt:2:1",
        ])
    }

    @Test func includedFileIsLintedThroughItsIncluderNotTwice() {
        let files = ["requirements.txt": "-r requirements-base.txt\n", "requirements-base.txt": "pandas>=2\n"]
        let report = LintHarness.lint(files)
        #expect(report.findings.count == 1)
        #expect(report.files == ["requirements.txt"])
    }

    @Test func constraintsFilesAreCheckedToo() {
        #expect(LintHarness.summary(["constraints.txt": "pandas>=2\nnumpy==1.26.4\n"]) == ["requirements.unpinned@constraints.txt:1:1"])
    }

    @Test func continuationsHashesCommentsAndOptionsAreHandled() {
        let text = """
            # pinned with hashes
            --index-url https://pypi.org/simple
            --require-hashes
            numpy==1.26.4 \\
                --hash=sha256:aaaa \\
                --hash=sha256:bbbb
            pandas>=2  # a range
            -e git+https://github.com/o/x.git@main#egg=x
            -e .

            """
        #expect(LintHarness.summary(["requirements.txt": text]) == [
            "requirements.unpinned@requirements.txt:7:1", "requirements.unpinned@requirements.txt:8:4",
        ])
    }

    @Test func missingIncludeIsALocatedProblem() {
        let report = LintHarness.lint(["requirements.txt": "flask==3.0.3\n-r missing.txt\n"])
        #expect(report.problems.map(\.id) == ["lint.unreadable-file"])
        #expect(report.problems.first?.location?.line == 2)
    }

    @Test func includeCyclesTerminateAndAreReported() throws {
        let files = ["requirements-a.txt": "-r requirements-b.txt\nx\n", "requirements-b.txt": "-r requirements-a.txt\ny\n"]
        let report = LintHarness.lint(files, paths: ["requirements-a.txt"])
        #expect(report.findings.map(\.id).sorted() == ["requirements.include-cycle", "requirements.unpinned", "requirements.unpinned"])
        let cycle = try #require(report.findings.first { $0.id == "requirements.include-cycle" })
        #expect(cycle.location?.path == "requirements-b.txt" && cycle.location?.line == 1)
        #expect(cycle.message == "requirements include loop: requirements-a.txt → requirements-b.txt → requirements-a.txt")
    }

    @Test func pyprojectAppPolicyNeedsExactPins() {
        let text = """
            [project]
            name = "demo"
            dependencies = [
              "numpy==1.26.4",
              "pandas>=2",
              "scikit-learn",
            ]
            [project.optional-dependencies]
            plot = ["matplotlib~=3.8"]
            [dependency-groups]
            test = ["pytest==8.2.0", {include-group = "lint"}]
            lint = ["ruff"]

            """
        #expect(LintHarness.summary(["pyproject.toml": text]) == [
            "pyproject.unpinned@pyproject.toml:5:4", "pyproject.unpinned@pyproject.toml:6:4",
            "pyproject.unpinned@pyproject.toml:9:10", "pyproject.unpinned@pyproject.toml:12:10",
        ])
        let library = LintConfiguration(policy: .library)
        #expect(LintHarness.summary(["pyproject.toml": text], configuration: library) == [
            "pyproject.unpinned@pyproject.toml:6:4", "pyproject.unpinned@pyproject.toml:12:10",
        ])
    }

    @Test func invalidTomlIsALocatedProblem() {
        let report = LintHarness.lint(["pyproject.toml": "[project]\ndependencies = [\"a\"\nname = 1\n"])
        #expect(report.problems.map(\.id) == ["lint.parse-error"])
        #expect((report.problems.first?.location?.line ?? 0) >= 2)
    }
}

@Suite struct TOMLPrecheckTests {
    /// toml++ aborts the process on these; nbship must report them as located parse errors.
    @Test(arguments: [("[}roject]\n", 1, 2), ("a = 1\n[[}x]]\n", 2, 3), ("[ .x]\n", 1, 3), ("[\nx]\n", 1, 2),
                          ("[project]\ndependencies = [\"a\",}\"b\"]\n", 2, 21), ("a = { b = [ } ] }\n", 1, 13)])
    func inputsThatCrashTomlPlusPlusAreLocatedErrors(_ text: String, _ line: Int, _ column: Int) {
        let report = LintHarness.lint(["pyproject.toml": text])
        #expect(report.problems.map(\.id) == ["lint.parse-error"])
        #expect(report.problems.first?.location?.line == line && report.problems.first?.location?.column == column)
        #expect(throws: DiagnosticError.self) { try LintConfiguration.parse(toml: text, path: ".nbship.toml") }
    }

    @Test(arguments: [
        "a = [\n  [\n    1\n  ]\n]\n", "s = \"\"\"\n[}\n\"\"\"\n", "t = { x = [\n[1]] }\n", "[\"quoted key\"]\n[[ arr ]]\n",
    ])
    func validTomlIsNotRejected(_ text: String) {
        #expect(TOMLPrecheck.unsafeHeader(in: text) == nil)
    }
}
