import PythonSyntax

/// One top-level statement of a code cell and the place the planner gives it.
struct PlanPiece {
    /// Where a statement goes.
    enum Destination: Equatable {
        /// An import statement: hoisted into the modules that use its names.
        case imports
        /// A literal constant lifted into `config`.
        case config
        /// A `def` or `class` moved whole.
        case definition
        /// A line of a stage function.
        case function(Stage)
        /// Exploration only.
        case exploration
        /// Nothing to keep (a lowered magic's `pass`).
        case dropped
    }

    var cell: Int
    /// The index into the builder's cell sources.
    var source: Int
    var statement: Statement
    var facts: CellFacts
    var span: Range<Int>
    var destination: Destination
}
