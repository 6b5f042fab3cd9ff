import Diagnostics
import PythonSyntax

/// The human form of a ``NotebookPlan``: each cell with its stage and reason, the names it
/// hands on, then what crosses each stage boundary, requirements and diagnostics.
public enum PlanText {
    /// Renders a plan as text.
    /// - Parameters:
    ///   - plan: The plan.
    ///   - colour: Whether to colour diagnostics (only on a terminal).
    /// - Returns: The report, ending in a newline.
    public static func render(_ plan: NotebookPlan, colour: Bool = false) -> String {
        var out: [String] = []
        let kernel = plan.analysis.notebook.kernel
        out.append("\(plan.analysis.path): \(plan.analysis.cells.count) cells, kernel \(kernel.name ?? "unknown") (\(kernel.language ?? "python"))")
        out.append("")
        let stageOf = Dictionary(plan.assignments.map { ($0.cell, $0.stage) }, uniquingKeysWith: { first, _ in first })
        let stageWidth = Stage.allCases.map(\.rawValue.count).max() ?? 9
        for (cell, assignment) in zip(plan.analysis.cells, plan.assignments) {
            let stage = assignment.stage.rawValue.padding(toLength: stageWidth)
            let kind = cell.cell.kind.name.padding(toLength: 8)
            out.append("[\(cell.index)]".padding(toLength: 6) + "\(kind) \(stage)  \(assignment.reason)")
            guard cell.cell.kind == .code else { continue }
            var handsOn: [String: Set<Stage>] = [:]
            for edge in plan.dataflow.consumers(of: cell.index) {
                guard let target = stageOf[edge.to], target != assignment.stage else { continue }
                handsOn[edge.name, default: []].insert(target)
            }
            if !handsOn.isEmpty {
                let parts = handsOn.keys.sorted().map { name in
                    "\(name) → \((handsOn[name] ?? []).sorted().map(\.rawValue).joined(separator: ", "))"
                }
                out.append("      passes " + parts.joined(separator: "; "))
            }
        }
        out.append("")
        out.append("Stages:")
        for stage in plan.stages {
            let inputs = stage.inputs.isEmpty ? "—" : stage.inputs.joined(separator: ", ")
            let outputs = stage.outputs.isEmpty ? "—" : stage.outputs.joined(separator: ", ")
            out.append("  \(stage.name.rawValue.padding(toLength: stageWidth))  in: \(inputs)   out: \(outputs)")
        }
        if !plan.requirements.isEmpty {
            out.append("")
            out.append("Requirements stated in the notebook:")
            for hint in plan.requirements {
                out.append("  \(hint.spec)  (cell \(hint.cell), line \(hint.line))")
            }
        }
        let diagnostics = plan.diagnostics
        if !diagnostics.isEmpty {
            out.append("")
            let renderer = DiagnosticRenderer(colour: colour)
            out.append(contentsOf: diagnostics.map(renderer.render))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Pads with spaces on the right to at least `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
