/// The **classify** stage's decision for one cell: its stage and why.
public struct StageAssignment: Sendable, Equatable, Codable {
    /// The 0-based cell index.
    public var cell: Int
    /// The stage.
    public var stage: Stage
    /// What kind of evidence decided it.
    public var evidence: Evidence
    /// One line a person can check, e.g. `calls model.fit`.
    public var reason: String

    /// Creates an assignment.
    public init(cell: Int, stage: Stage, evidence: Evidence, reason: String) {
        self.cell = cell
        self.stage = stage
        self.evidence = evidence
        self.reason = reason
    }
}
