import Notebook
import PythonSyntax

/// One cell after the lower and analyse stages.
public struct AnalysedCell: Sendable, Equatable {
    /// The cell as read.
    public var cell: Cell
    /// The lowering of a code cell (`nil` for markdown and raw cells).
    public var lowered: LoweredCell?
    /// The name facts of a code cell whose Python could be analysed; `reads` has builtins
    /// removed unless this or an earlier cell defines them.
    public var facts: CellFacts?
    /// Names bound by import statements in this cell (module aliases), which never cross
    /// stage boundaries as values: each module imports what it uses.
    public var importedNames: Set<String>

    /// Creates an analysed cell.
    public init(cell: Cell, lowered: LoweredCell? = nil, facts: CellFacts? = nil, importedNames: Set<String> = []) {
        self.cell = cell
        self.lowered = lowered
        self.facts = facts
        self.importedNames = importedNames
    }

    /// The cell's 0-based index among all cells.
    public var index: Int { cell.index }

    /// The plain Python of a code cell, when it has any.
    public var python: String? { lowered?.python }

    /// Names this cell binds or changes in place: both count as a new definition for dataflow.
    public var definesOrMutates: Set<String> {
        guard let facts else { return [] }
        return Set(facts.defines).union(facts.mutates)
    }
}
