import Diagnostics

/// Everything `nbship plan` shows: the analysis, the stage of every cell with its reason,
/// what crosses stage boundaries, the requirements the notebook states, and diagnostics.
public struct NotebookPlan: Sendable, Equatable {
    /// The lower + analyse stages' output.
    public var analysis: NotebookAnalysis
    /// One decision per cell, in order.
    public var assignments: [StageAssignment]
    /// Where each value comes from.
    public var dataflow: DataflowGraph
    /// One boundary per stage present, in pipeline order.
    public var stages: [StageBoundary]
    /// Requirements from install commands in the notebook.
    public var requirements: [RequirementHint]

    /// Creates a plan.
    public init(analysis: NotebookAnalysis, assignments: [StageAssignment], dataflow: DataflowGraph, stages: [StageBoundary], requirements: [RequirementHint]) {
        self.analysis = analysis
        self.assignments = assignments
        self.dataflow = dataflow
        self.stages = stages
        self.requirements = requirements
    }

    /// All diagnostics, in cell order (notebook-wide ones first).
    public var diagnostics: [Diagnostic] {
        analysis.diagnostics.sorted { lhs, rhs in
            let left = (lhs.location?.cell ?? -1, lhs.location?.line ?? 0, lhs.location?.column ?? 0)
            let right = (rhs.location?.cell ?? -1, rhs.location?.line ?? 0, rhs.location?.column ?? 0)
            return left < right
        }
    }
}
