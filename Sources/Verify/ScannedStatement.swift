import PythonSyntax

/// One top-level statement of the notebook, in execution order, as the randomness scan sees
/// it: its syntax and names, and whether the converted project runs it.
struct ScannedStatement {
    var cell: Int
    var index: Int
    var statement: Statement
    var facts: CellFacts
    /// Whether `train.main()` runs it (exploration, configuration and dropped statements do not).
    var runsInProject: Bool
}
