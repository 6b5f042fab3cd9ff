import PythonSyntax
import Refactor

/// Which top-level statements of which cells `train.main()` runs, read off the project plan:
/// the cells of the stage functions training calls, minus the statements the planner sent to
/// the exploration notebook.
struct StatementPlacement {
    /// Cells whose pipeline statements training runs.
    private var trainingCells: Set<Int> = []
    /// Cells whose statements inference runs.
    private(set) var inferenceCells: Set<Int> = []
    /// Exploration text per cell, white space collapsed.
    private var exploration: [Int: String] = [:]

    init(_ project: ProjectPlan) {
        let trainCalls = project.trainMain.lines.joined(separator: "\n")
        for function in project.functions {
            if trainCalls.contains("\(function.name)(") {
                trainingCells.formUnion(function.cells)
            } else if function.stage == .inference {
                inferenceCells.formUnion(function.cells)
            }
        }
        for cell in project.exploration {
            exploration[cell.cell] = OutputLine.collapsingSpace(cell.source)
        }
    }

    /// Whether training runs a cell's code at all.
    func trains(cell: Int) -> Bool { trainingCells.contains(cell) }

    /// Whether training runs a statement, given its source text.
    func runs(cell: Int, statementText: String) -> Bool {
        guard trainingCells.contains(cell) else { return false }
        guard let explored = exploration[cell] else { return true }
        return !explored.contains(OutputLine.collapsingSpace(statementText))
    }
}
