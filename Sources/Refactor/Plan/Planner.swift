import Notebook

/// Runs lower → analyse → classify over a notebook and gathers what `nbship plan` shows.
public struct Planner: Sendable {
    /// Creates a planner.
    public init() {}

    /// Plans a notebook.
    /// - Parameters:
    ///   - notebook: The notebook, as read.
    ///   - path: Its path as the user gave it, for diagnostics.
    /// - Returns: The plan.
    public func plan(_ notebook: Notebook, path: String) -> NotebookPlan {
        let analysis = NotebookAnalyser().analyse(notebook, path: path)
        let graph = DataflowGraph(analysis.cells)
        let assignments = StageClassifier().classify(analysis, dataflow: graph)
        let stages = StageBoundary.boundaries(graph: graph, assignments: assignments)
        var requirements: [RequirementHint] = []
        for cell in analysis.codeCells {
            for (spec, line) in cell.lowered?.installSpecs ?? [] {
                requirements.append(RequirementHint(spec: spec, cell: cell.index, line: line))
            }
        }
        return NotebookPlan(analysis: analysis, assignments: assignments, dataflow: graph, stages: stages, requirements: requirements)
    }
}
