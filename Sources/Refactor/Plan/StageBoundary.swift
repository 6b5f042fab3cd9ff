/// What crosses into and out of one stage: the values that become a stage function's
/// parameters (`inputs`) and return values (`outputs`).
public struct StageBoundary: Sendable, Equatable, Codable {
    /// The stage.
    public var name: Stage
    /// Names the stage reads that an earlier, different stage defines.
    public var inputs: [String]
    /// Names the stage defines that a later pipeline stage reads.
    public var outputs: [String]

    /// Creates a boundary.
    public init(name: Stage, inputs: [String], outputs: [String]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The boundaries of every stage that has cells, in pipeline order.
    /// - Parameters:
    ///   - graph: Where each read comes from.
    ///   - assignments: The stage of each cell.
    /// - Returns: One boundary per stage present.
    public static func boundaries(graph: DataflowGraph, assignments: [StageAssignment]) -> [StageBoundary] {
        var stageOf: [Int: Stage] = [:]
        for assignment in assignments { stageOf[assignment.cell] = assignment.stage }
        var inputs: [Stage: Set<String>] = [:]
        var outputs: [Stage: Set<String>] = [:]
        for edge in graph.edges {
            guard let from = stageOf[edge.from], let to = stageOf[edge.to], from != to else { continue }
            inputs[to, default: []].insert(edge.name)
            if to.isPipeline {
                outputs[from, default: []].insert(edge.name)
            }
        }
        let present = Set(assignments.map(\.stage))
        return Stage.allCases.filter(present.contains).map {
            StageBoundary(name: $0, inputs: (inputs[$0] ?? []).sorted(), outputs: (outputs[$0] ?? []).sorted())
        }
    }
}
