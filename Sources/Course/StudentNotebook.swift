import Diagnostics

/// The student version of a solution notebook, in memory (only the CLI writes it).
public struct StudentNotebook: Sendable, Equatable {
    /// The notebook as nbformat would write it (1-space indent, sorted keys, final newline).
    public var text: String
    /// The secret lines taken out (solution and hidden-tests regions, whole solution cells).
    public var secrets: [SecretLine]
    /// The cells (0-based) whose solution was replaced by a stub.
    public var solutionCells: [Int]
    /// The cells (0-based) from which hidden tests were removed.
    public var hiddenTestCells: [Int]
    /// Non-fatal findings (reader warnings).
    public var warnings: [Diagnostic]
    /// The stripped lines written outside every region (what students see anyway); a
    /// ``LeakCheck`` over other student material takes them as its `visible` lines.
    public var visibleLines: Set<String>

    /// Creates a student notebook.
    public init(text: String, secrets: [SecretLine], solutionCells: [Int], hiddenTestCells: [Int], warnings: [Diagnostic],
                visibleLines: Set<String> = []) {
        self.text = text
        self.secrets = secrets
        self.solutionCells = solutionCells
        self.hiddenTestCells = hiddenTestCells
        self.warnings = warnings
        self.visibleLines = visibleLines
    }
}
