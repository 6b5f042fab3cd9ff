/// Exploration code from one cell, for `notebooks/explore.ipynb`.
public struct ExplorationCell: Sendable, Equatable, Codable {
    /// The 0-based cell it came from.
    public var cell: Int
    /// The statements, as written (a whole exploration cell keeps its original source,
    /// IPython syntax included).
    public var source: String
    /// Names it reads that the pipeline computes, each with the function that provides it.
    public var inputs: [FunctionParameter]

    /// Creates an exploration cell.
    public init(cell: Int, source: String, inputs: [FunctionParameter]) {
        self.cell = cell
        self.source = source
        self.inputs = inputs
    }
}
