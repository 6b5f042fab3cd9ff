import Foundation
import Refactor
import Testing

/// Our lowering against IPython's own (`TransformerManager.transform_cell`, post-processed by
/// `Tests/Oracle/ipython_lower.py` into the same shape), over every code cell of the corpus
/// and of the lowering fixtures.
@Suite("Lowering agrees with IPython", .enabled(if: LoweringTestSupport.ipythonAvailable, "needs IPython in NBSHIP_TEST_PYTHON"))
struct LoweringDifferentialTests {
    @Test("every cell IPython lowers to Python gives the same AST; non-Python cells agree")
    func agreesWithIPython() throws {
        let cells = try LoweringTestSupport.allCodeCells()
        try #require(cells.count > 800, "the corpus and fixtures should hold hundreds of code cells")
        let compared = try compare(cells, label: "corpus and fixtures")
        #expect(compared > 900)
    }

    @Test("random combinations of constructs agree with IPython")
    func combinationsAgree() throws {
        let cells = LoweringCombinations.cells(count: 4000, seed: 20_241_121).enumerated().map {
            LoweringTestSupport.CodeCell(origin: "combination #\($0.offset)", source: $0.element)
        }
        let compared = try compare(cells, label: "random combinations")
        #expect(compared > 1000)
    }

    @Test("random character soup agrees with IPython")
    func soupAgrees() throws {
        let cells = LoweringCombinations.soup(count: 8000, seed: 7).enumerated().map {
            LoweringTestSupport.CodeCell(origin: "soup #\($0.offset)", source: $0.element)
        }
        let compared = try compare(cells, label: "character soup")
        #expect(compared > 1000)
    }

    /// Compares every cell with the oracle; returns how many were compared as Python.
    private func compare(_ cells: [LoweringTestSupport.CodeCell], label: String) throws -> Int {
        let lowered = cells.map { Lowering.lower($0.source) }
        let results = try LoweringTestSupport.oracleResults(cells: cells.map(\.source), ours: lowered.map(\.python))
        try #require(results.count == cells.count)

        var compared = 0
        var nonPython = 0
        var ipythonFailed = 0
        var mismatches: [String] = []
        for (index, result) in results.enumerated() {
            let cell = cells[index]
            switch result.kind {
            case "python":
                compared += 1
                if result.ours_ast != result.python_ast {
                    mismatches.append("""
                        \(cell.origin): source \(String(reflecting: cell.source))
                          ours:    \(lowered[index].python.map { String(reflecting: $0) } ?? "nil") \(result.ours_error ?? "")
                          ipython: \(result.python_ast ?? "nil")
                          ours ast: \(result.ours_ast ?? "nil")
                        """)
                }
            case "non-python":
                nonPython += 1
                if lowered[index].python != nil {
                    mismatches.append("\(cell.origin): ipython sees a non-python cell magic, ours gives python")
                }
            default:
                ipythonFailed += 1
            }
        }
        print("lowering differential (\(label)): \(cells.count) code cells; \(compared) compared as python, "
              + "\(nonPython) non-python, \(ipythonFailed) not python for ipython either; \(mismatches.count) disagreements")
        #expect(mismatches.isEmpty, "\(mismatches.count) disagreements:\n\(mismatches.prefix(15).joined(separator: "\n"))")
        return compared
    }
}
