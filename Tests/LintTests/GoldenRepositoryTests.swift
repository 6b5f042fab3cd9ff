import Foundation
import TestSupport
import Testing
@testable import Lint

/// Lints the sample repository in `fixtures/lint/repo` (a Dockerfile, requirements with
/// constraints, pyproject, compose with `.env`, Kubernetes, a Helm template, a notebook) and
/// compares the text report with `fixtures/lint/repo.expected.txt`. Re-record on purpose with
/// `NBSHIP_RECORD_GOLDEN=1 swift test --filter GoldenRepositoryTests`.
@Suite struct GoldenRepositoryTests {
    static let fixtures = PackagePaths.fixture("lint")

    struct RootedFileSystem: LintFileSystem {
        var root: URL
        func contents(of path: String) -> String? {
            LocalFileSystem().contents(of: root.appendingPathComponent(path).path)
        }
    }

    static func files(under directory: String) -> [String] {
        let base = fixtures.appendingPathComponent(directory)
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            files.append(directory + "/" + relative)
        }
        return files.sorted()
    }

    @Test func sampleRepositoryReportMatchesGolden() throws {
        let report = Linter().lint(paths: Self.files(under: "repo"), fileSystem: RootedFileSystem(root: Self.fixtures))
        #expect(report.problems.isEmpty)
        let text = TextReporter().render(report)
        let golden = GoldenFile(Self.fixtures.appendingPathComponent("repo.expected.txt"))
        let expected = try golden.expected(for: text, requiredValue: "1")
        #expect(text == expected)
    }

    @Test func strictRunAddsOnlyOptInRules() {
        let fileSystem = RootedFileSystem(root: Self.fixtures)
        let plain = Linter().lint(paths: Self.files(under: "repo"), fileSystem: fileSystem)
        let strict = Linter(configuration: LintConfiguration(strict: true)).lint(paths: Self.files(under: "repo"), fileSystem: fileSystem)
        let added = Set(strict.findings).subtracting(plain.findings)
        #expect(Set(plain.findings).isSubset(of: Set(strict.findings)))
        // apt.unpinned is opt-in too, but the Dockerfile ignores it by its peer id DL3008.
        #expect(Set(added.map(\.id)) == ["image.missing-digest"])
    }
}
