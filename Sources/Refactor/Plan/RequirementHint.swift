/// A requirement the notebook states itself, e.g. with `!pip install pandas==2.1.4`.
public struct RequirementHint: Sendable, Equatable, Codable {
    /// The requirement as written (`pandas==2.1.4`, `scikit-learn>=1.3`).
    public var spec: String
    /// The 0-based cell it was found in.
    public var cell: Int
    /// The 1-based line inside the cell.
    public var line: Int

    /// Creates a hint.
    public init(spec: String, cell: Int, line: Int) {
        self.spec = spec
        self.cell = cell
        self.line = line
    }
}
