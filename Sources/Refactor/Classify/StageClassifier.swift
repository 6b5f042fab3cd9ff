/// The **classify** stage: gives every cell a stage and a one-line reason.
///
/// Evidence is weighed strongest first: cell tags, then the markdown heading the cell sits
/// under, then what the code does, then where its values go. Two code facts outrank a
/// heading because they are certain: a cell that only plots stays out of the pipeline, a
/// cell that only imports is setup, and an exploration heading never pushes code that loads,
/// fits or scores out of the pipeline. A plotting cell (or one under an exploration heading)
/// whose values feed later stages is data preparation, so nothing it defines is lost.
public struct StageClassifier: Sendable {
    /// Creates a classifier.
    public init() {}

    /// Classifies every cell of an analysed notebook.
    /// - Parameter analysis: The output of the analyse stage.
    /// - Returns: One assignment per cell, in cell order.
    public func classify(_ analysis: NotebookAnalysis) -> [StageAssignment] {
        classify(analysis, dataflow: DataflowGraph(analysis.cells))
    }

    /// Classifies every cell, reusing a dataflow graph the caller already built.
    /// - Parameters:
    ///   - analysis: The output of the analyse stage.
    ///   - graph: `DataflowGraph(analysis.cells)`.
    /// - Returns: One assignment per cell, in cell order.
    public func classify(_ analysis: NotebookAnalysis, dataflow graph: DataflowGraph) -> [StageAssignment] {
        let imports = ImportIndex(analysis.cells)
        var decided: [Int: StageAssignment] = [:]
        var headings = HeadingContext()
        var titleSkipped = false
        var signals: [Int: CodeSignals] = [:]

        for cell in analysis.cells {
            switch cell.cell.kind {
            case .markdown:
                var found = MarkdownHeading.headings(in: cell.cell.source)
                // The notebook's title (its first heading, at level 1) names the topic, not a stage.
                if !titleSkipped, let first = found.first {
                    titleSkipped = true
                    if first.level == 1 { found.removeFirst() }
                }
                headings.update(with: found)
            case .code:
                let code = CodeSignals(cell: cell, imports: imports)
                signals[cell.index] = code
                decided[cell.index] = firstEvidence(cell, code: code, headings: headings)
            default:
                decided[cell.index] = StageAssignment(cell: cell.index, stage: .explore, evidence: .position, reason: "\(cell.cell.kind.name) cell: not code")
            }
        }

        // Dataflow, from the last cell back, so consumers are decided before their producers.
        for cell in analysis.codeCells.reversed() {
            let consumers = graph.consumers(of: cell.index)
            let pipelineConsumers = consumers.filter { (decided[$0.to]?.stage ?? .explore).isPipeline }
            // A cell left out by its code or its heading ("Plots") whose values a pipeline cell
            // reads is data preparation: without it the pipeline reads an undefined name.
            if let current = decided[cell.index], current.stage == .explore,
               current.evidence == .code || current.evidence == .heading, !pipelineConsumers.isEmpty {
                let names = Self.names(pipelineConsumers)
                decided[cell.index] = StageAssignment(
                    cell: cell.index, stage: .data, evidence: .dataflow,
                    reason: "defines values later stages use (\(names)); its displays stay in exploration")
                continue
            }
            // Predictions drawn in a plot and used nowhere else are exploration, not inference.
            if let current = decided[cell.index], current.stage == .inference, current.evidence == .code,
               let code = signals[cell.index], !code.plots.isEmpty, pipelineConsumers.isEmpty {
                decided[cell.index] = StageAssignment(
                    cell: cell.index, stage: .explore, evidence: .code,
                    reason: "plots predictions: \((code.predicts + code.plots).prefix(3).joined(separator: ", "))")
                continue
            }
            guard decided[cell.index] == nil else { continue }
            if cell.facts == nil {
                decided[cell.index] = StageAssignment(cell: cell.index, stage: .explore, evidence: .code, reason: cell.lowered?.python == nil ? "not Python: left out of the pipeline" : "could not be parsed")
                continue
            }
            if let earliest = pipelineConsumers.compactMap({ decided[$0.to]?.stage }).min() {
                let stage: Stage = earliest <= .train ? .data : earliest
                let names = Self.names(pipelineConsumers)
                decided[cell.index] = StageAssignment(
                    cell: cell.index, stage: stage, evidence: .dataflow,
                    reason: "its values (\(names)) feed the \(earliest.rawValue) stage")
            }
        }

        // Whatever is left follows the code cell before it.
        var previous: Stage = .setup
        var previousCell: Int? = nil
        for cell in analysis.cells where cell.cell.kind == .code {
            if let decision = decided[cell.index] {
                previous = decision.stage
            } else if previous == .setup {
                // Setup holds imports and constants only; a cell that computes something is data.
                decided[cell.index] = StageAssignment(
                    cell: cell.index, stage: .data, evidence: .position,
                    reason: "no evidence of its own: computes values, and setup holds only imports and constants")
                previous = .data
            } else {
                let what = signals[cell.index]?.isLog == true ? "prints values" : "no evidence of its own"
                let reason = previousCell.map { "\(what): follows cell \($0)" } ?? "\(what): first code cell"
                decided[cell.index] = StageAssignment(cell: cell.index, stage: previous, evidence: .position, reason: reason)
            }
            previousCell = cell.index
        }

        // A cell that only prints is a log of the pipeline, unless it prints values that only
        // exploration computes (top to bottom, so a log that moved out takes its names along).
        for cell in analysis.codeCells {
            guard signals[cell.index]?.isLog == true, let decision = decided[cell.index], decision.stage.isPipeline,
                  decision.evidence != .tag else { continue }
            let explored = graph.edges.filter { $0.to == cell.index && decided[$0.from]?.stage == .explore }
            guard !explored.isEmpty else { continue }
            decided[cell.index] = StageAssignment(
                cell: cell.index, stage: .explore, evidence: .dataflow,
                reason: "prints values only exploration computes (\(Self.names(explored)))")
        }

        // Markdown cells document the code cells that follow them.
        var next: Stage? = nil
        for cell in analysis.cells.reversed() {
            if cell.cell.kind == .code {
                next = decided[cell.index]?.stage
            } else if cell.cell.kind == .markdown {
                decided[cell.index] = StageAssignment(
                    cell: cell.index, stage: next ?? previous, evidence: .position,
                    reason: "markdown: documents the cells that follow")
            }
        }
        return analysis.cells.map { cell in
            decided[cell.index] ?? StageAssignment(cell: cell.index, stage: .explore, evidence: .position, reason: "not code")
        }
    }

    private func firstEvidence(_ cell: AnalysedCell, code: CodeSignals, headings: HeadingContext) -> StageAssignment? {
        if let tagged = TagEvidence.assignment(for: cell.cell.tags, cell: cell.index) {
            return tagged
        }
        let fromCode = code.assignment(cell: cell.index)
        if let fromCode, fromCode.stage == .setup || (fromCode.stage == .explore && !code.hasPipelineEvidence) {
            return fromCode
        }
        if let fromHeading = headings.assignment(cell: cell.index) {
            // A heading may not push pipeline code (loading, fitting, metrics…) out of the
            // pipeline: "Training and visualizing a tree" over a cell that fits stays training.
            if fromHeading.stage == .explore, code.hasPipelineEvidence, let fromCode {
                return fromCode
            }
            return fromHeading
        }
        return fromCode
    }

    private static func names(_ edges: [DataflowGraph.Edge]) -> String {
        var seen: [String] = []
        for edge in edges where !seen.contains(edge.name) { seen.append(edge.name) }
        let shown = seen.prefix(4).joined(separator: ", ")
        return seen.count > 4 ? shown + ", …" : shown
    }
}
