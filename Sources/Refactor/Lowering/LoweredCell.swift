/// A code cell after lowering: plain Python for the analyser, plus typed facts about every
/// piece of IPython syntax that was taken out.
///
/// `python` keeps the cell's line structure (line `n` of `python` is line `n` of the source),
/// so diagnostics raised on it point at the right place in the notebook.
public struct LoweredCell: Sendable, Equatable, Codable {
    /// Plain Python with the same number of lines as the source; `nil` when the cell is not
    /// Python (a `%%bash`, `%%html`, `%%sql`, … cell).
    public var python: String?
    /// Every IPython construct found, in source order, each with its 1-based line.
    public var magics: [MagicFact]
    /// The cell's `%%magic`, if it has one.
    public var cellMagic: CellMagic?
    /// Constructs that cannot be lowered faithfully.
    public var issues: [LoweringIssue]

    /// Creates a lowered cell.
    /// - Parameters:
    ///   - python: The plain Python, or `nil` for a non-Python cell.
    ///   - magics: The IPython constructs found, in order.
    ///   - cellMagic: The cell magic, if any.
    ///   - issues: What could not be lowered faithfully.
    public init(python: String?, magics: [MagicFact] = [], cellMagic: CellMagic? = nil, issues: [LoweringIssue] = []) {
        self.python = python
        self.magics = magics
        self.cellMagic = cellMagic
        self.issues = issues
    }
}
