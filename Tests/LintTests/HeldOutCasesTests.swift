import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Lint

/// Runs `fixtures/lint/heldout-cases.tsv`: cases written for the file kinds of issue #15 from
/// a user's point of view (not taken from any peer's tests), each with the nbship rule ids a
/// user would expect. A row passes when the set of ids raised over the file and its
/// neighbours (findings and read problems) is exactly the expected set.
@Suite struct HeldOutCasesTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var number: Int
        var file: String
        var cells: [String]
        var expected: Set<String>
        var neighbours: [String: String]
        var testDescription: String { "row \(number) [\(file)] expects \(expected.sorted())" }
    }

    static let rows: [Row] = {
        let url = PackagePaths.fixture("lint/heldout-cases.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().enumerated().compactMap { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { return nil }
            let expected = fields[2] == "none" ? [] : Set(fields[2].split(separator: ",").map(String.init))
            var neighbours: [String: String] = [:]
            if fields.count > 3, !fields[3].isEmpty {
                for entry in fields[3].components(separatedBy: " ¦ ") {
                    let parts = entry.components(separatedBy: "::")
                    if parts.count == 2 { neighbours[parts[0]] = LintCasesTests.unescape(parts[1]) }
                }
            }
            let cells = fields[0].hasSuffix(".ipynb")
                ? fields[1].components(separatedBy: " ‖ ").map(LintCasesTests.unescape)
                : [LintCasesTests.unescape(fields[1])]
            return Row(number: index + 2, file: fields[0], cells: cells, expected: expected, neighbours: neighbours)
        }
    }()

    static func raised(_ row: Row) -> Set<String> {
        var example = RuleExample(row.file, row.cells.first ?? "", neighbours: row.neighbours)
        if row.file.hasSuffix(".ipynb") {
            example = RuleExample.notebook(row.cells)
            example.fileName = row.file
            example.neighbours = row.neighbours
        }
        let (files, _) = ExampleRenderer.render(example)
        let report = Linter().lint(paths: files.keys.sorted(), fileSystem: InMemoryFileSystem(files))
        return Set(report.findings.map(\.id) + report.problems.map(\.id))
    }

    @Test func theFixtureHasSeveralCasesPerKind() {
        let kinds = Dictionary(grouping: Self.rows) { row in FileKind.detect(path: row.file).map(\.rawValue) ?? "?" }
        for kind: FileKind in [.githubActions, .gitlabCI, .condaEnvironment, .pipfile, .pyproject, .helmValues,
                               .kustomization, .devcontainer, .notebook, .python] {
            #expect((kinds[kind.rawValue]?.count ?? 0) >= 3, "\(kind)")
        }
    }

    @Test(arguments: rows)
    func row(_ row: Row) {
        #expect(Self.raised(row) == row.expected)
    }
}
