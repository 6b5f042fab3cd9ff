import Foundation
import Testing
@testable import PythonSyntax

/// Runs the Swift analyser and CPython's `ast`/`symtable` (through the oracle) over every code
/// cell of the shared corpus and the `.py` fixtures; they must agree exactly.
@Suite struct DifferentialTests {
    @Test(.enabled(if: Oracle.isAvailable, "needs python3 (NBSHIP_TEST_PYTHON or PATH)"))
    func agreesWithCPythonOnEveryCell() throws {
        let cells = try CorpusCell.all()
        #expect(cells.count > 600, "the corpus should provide hundreds of cells")
        let expected = try Oracle.run(cells.map(\.source))
        try #require(expected.count == cells.count)

        var compared = 0
        var rejectedBoth = 0
        var skippedIPython = 0
        var sameMessage = 0
        var mismatches: [String] = []
        for (cell, oracle) in zip(cells, expected) {
            let analysis = PythonAnalyzer.analyze(cell.source)
            if !oracle.ok {
                if cell.looksLikeIPython {
                    skippedIPython += 1
                    continue
                }
                rejectedBoth += 1
                guard let issue = analysis.diagnostics.first else {
                    mismatches.append("\(cell.origin): CPython rejects (\(oracle.error?.msg ?? "")) but the analyser accepts")
                    continue
                }
                if Self.normalised(issue.message) == Self.normalised(oracle.error?.msg ?? "") {
                    sameMessage += 1
                }
                if let line = oracle.error?.line, line > 0, line != issue.line {
                    mismatches.append("\(cell.origin): error line \(issue.line) (\(issue.message)), CPython says \(line) (\(oracle.error?.msg ?? ""))")
                }
                continue
            }
            compared += 1
            if let issue = analysis.diagnostics.first {
                mismatches.append("\(cell.origin): analyser reports \(issue.line):\(issue.column) \(issue.message) but CPython accepts")
                continue
            }
            let facts = analysis.facts
            let imports = facts.imports.map { [$0.module, $0.name, $0.alias] }
            if imports != (oracle.imports ?? []) {
                mismatches.append("\(cell.origin): imports \(imports) != \(oracle.imports ?? [])")
            }
            if facts.defines != (oracle.defines ?? []) {
                mismatches.append("\(cell.origin): defines \(facts.defines) != \(oracle.defines ?? [])")
            }
            if facts.reads != (oracle.reads ?? []) {
                mismatches.append("\(cell.origin): reads \(facts.reads) != \(oracle.reads ?? [])")
            }
        }
        let summary = "compared \(compared) cells, \(rejectedBoth) rejected by both (same message for \(sameMessage)), \(skippedIPython) IPython cells skipped, \(mismatches.count) disagreements"
        print("DifferentialTests: " + summary)
        #expect(compared > 600, "\(summary)")
        #expect(mismatches.isEmpty, Comment(rawValue: summary + "\n" + mismatches.prefix(60).joined(separator: "\n")))
    }

    /// CPython's wording, lower-cased and without sentence punctuation (house style).
    static func normalised(_ message: String) -> String {
        message.lowercased().replacingOccurrences(of: ". ", with: ", ").replacingOccurrences(of: "?", with: "")
    }
}
