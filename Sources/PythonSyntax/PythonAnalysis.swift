/// The result of analysing one cell of plain Python.
public struct PythonAnalysis: Sendable, Equatable {
    /// The cell's facts (best effort when there is a syntax error: the statements before it).
    public var facts: CellFacts
    /// The syntax tree, `nil` when the cell does not parse. A cell that parses but breaks a
    /// scoping rule CPython's `symtable` enforces (`global x` after using `x`) keeps its tree
    /// and has a diagnostic.
    public var module: Module?
    /// Syntax errors, located relative to the cell (at most one: CPython stops at the first).
    public var diagnostics: [SyntaxIssue]
    /// Facts per top-level statement (of the statements that parsed), in source order.
    public var statements: [StatementFacts]

    /// Creates an analysis.
    public init(facts: CellFacts, module: Module?, diagnostics: [SyntaxIssue], statements: [StatementFacts]) {
        self.facts = facts
        self.module = module
        self.diagnostics = diagnostics
        self.statements = statements
    }
}
