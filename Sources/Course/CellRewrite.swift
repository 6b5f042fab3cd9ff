/// What ``MarkerScanner`` made of one cell's source.
struct CellRewrite: Sendable {
    /// The student source.
    var source: String
    /// Whether a solution region was replaced.
    var replacedSolution: Bool
    /// Whether a hidden-tests region was removed.
    var removedHiddenTests: Bool
    /// The secret lines found (solution and hidden tests).
    var secrets: [SecretLine]
    /// Where the first solution marker is (1-based line and column), when there is one.
    var firstSolutionMarker: (line: Int, column: Int)?
    /// Lines of the source outside every region (kept for students), stripped.
    var visibleLines: [String]
}
