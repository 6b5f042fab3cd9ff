import Diagnostics
import Testing
@testable import Lint

@Suite struct IgnoreAndConfigurationTests {
    @Test func inlineIgnoreOnTheLineAboveCoversAContinuedInstruction() {
        let text = """
            # nbship: ignore[pip.unpinned] -- the wheel cache pins these
            RUN pip install \\
                flask
            RUN pip install rich

            """
        #expect(LintHarness.summary(["Dockerfile": text]) == ["pip.unpinned@Dockerfile:4:17"])
    }

    @Test func trailingIgnoreCoversItsLineOnlyAndOnlyTheNamedRule() {
        let text = "pandas>=2  # nbship: ignore[requirements.unpinned] -- range on purpose\nscipy\n"
        #expect(LintHarness.summary(["requirements.txt": text]) == ["requirements.unpinned@requirements.txt:2:1"])
        let other = "pandas>=2  # nbship: ignore[image.untagged] -- wrong rule\n"
        #expect(LintHarness.summary(["requirements.txt": other]) == ["requirements.unpinned@requirements.txt:1:1"])
    }

    @Test func ignoreWithoutReasonStillIgnoresButIsItselfAFinding() {
        let text = "# nbship: ignore[DL3006]\nFROM debian\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["ignore.missing-reason@Dockerfile:1:1"])
    }

    @Test func peerIdsWorkInIgnores() {
        let text = "# nbship: ignore[DS001] -- base image is re-pushed by our mirror only\nFROM debian:latest\n"
        #expect(LintHarness.summary(["Dockerfile": text]).isEmpty)
    }

    @Test func fileLevelIgnoreCoversTheWholeFile() {
        let text = "# nbship: ignore-file[image.untagged] -- local test images\nFROM a\nFROM b\nFROM c:latest\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:4:6"])
    }

    @Test func notebookIgnoresAreCellRelative() {
        let source = "!pip install pandas  # nbship: ignore[notebook.unpinned-install] -- exploratory only\n!pip install polars"
        let report = Linter().lint(
            path: "nb.ipynb", text: "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": \(jsonString(source))}]}",
            kind: .notebook, fileSystem: InMemoryFileSystem([:]))
        #expect(report.findings.map { "\($0.id)@\($0.location?.cell ?? -1):\($0.location?.line ?? 0)" }
            == ["notebook.unpinned-install@0:2"])
    }

    func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func configurationFileIsRead() throws {
        let toml = """
            policy = "library"
            enable = ["DL3008", "image.missing-digest"]
            disable = ["requirements.unpinned"]
            allowed-registries = ["ghcr.io/org"]
            floating-tags = ["stable"]
            [severity]
            "image.untagged" = "error"
            DL3007 = "note"

            """
        let configuration = try LintConfiguration.parse(toml: toml, path: ".nbship.toml")
        #expect(configuration.policy == .library)
        #expect(configuration.severities == ["image.untagged": .error, "image.latest-tag": .note])
        #expect(configuration.allowedRegistries == ["ghcr.io/org"])
        let linter = Linter(configuration: configuration)
        let enabled = Set(RuleRegistry.all.map(\.description).filter(linter.isEnabled).map(\.id))
        #expect(enabled.contains("apt.unpinned") && enabled.contains("image.missing-digest"))
        #expect(!enabled.contains("requirements.unpinned") && !enabled.contains("apk.unpinned"))

        let report = LintHarness.lint(["Dockerfile": "FROM debian\nRUN apt-get install -y curl\n"], configuration: configuration)
        #expect(report.findings.map { "\($0.id):\($0.severity)" } == [
            "image.missing-digest:warning", "image.untagged:error", "apt.unpinned:warning",
        ])
    }

    @Test func configurationUnderALintTableAndStrict() throws {
        let configuration = try LintConfiguration.parse(toml: "[lint]\nstrict = true\n", path: ".nbship.toml")
        #expect(configuration.strict)
        #expect(LintHarness.summary(["Dockerfile": "FROM debian:stable\n"], configuration: configuration) == [
            "image.floating-tag@Dockerfile:1:6", "image.missing-digest@Dockerfile:1:6",
        ])
    }

    @Test(arguments: [
        ("polcy = \"app\"\n", "unknown key 'polcy'", 1),
        ("policy = \"apps\"\n", "'policy' must be \"app\" or \"library\"", 1),
        ("\n\nenable = [\"image.untaged\"]\n", "unknown rule id 'image.untaged' in 'enable'", 3),
        ("[severity]\n\"image.untagged\" = \"fatal\"\n", "severity of 'image.untagged' must be \"error\", \"warning\" or \"note\"", 2),
        ("policy = \n", nil, 1),
    ] as [(String, String?, Int)])
    func badConfigurationIsALocatedError(_ toml: String, _ message: String?, _ line: Int) {
        do {
            _ = try LintConfiguration.parse(toml: toml, path: ".nbship.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "lint.invalid-config")
            if let message { #expect(error.diagnostic.message == message) }
            #expect(error.diagnostic.location?.line == line)
        }
    }
}
