import PythonSyntax

extension PlanBuilder {
    /// The last expression of an evaluation (or training) cell that computes a score (`model.score(X, y)`,
    /// `accuracy_score(y, p)`, `mean_squared_error(…)`, `scores.mean()`) is what the notebook
    /// showed as its result: instead of a bare expression (or a line of the exploration
    /// notebook), it becomes an entry of
    /// evaluate's `metrics` (`metrics["model_score"] = model.score(X, y)`), which evaluate
    /// returns and train's main saves. The statement stays where it was, so it sees the values
    /// the cell saw.
    func collectMetrics() {
        var lastPiece: [Int: Int] = [:]
        for (index, piece) in pieces.enumerated() { lastPiece[piece.cell] = index }
        var keys: Set<String> = []
        for index in lastPiece.values.sorted() {
            let piece = pieces[index]
            let stage = stageOf[piece.cell] ?? .explore
            guard stage == .evaluate || stage == .train,
                  piece.destination == .exploration || piece.destination == .function(.evaluate) || piece.destination == .function(.train),
                  case .expression(let value) = piece.statement.kind, let base = Self.metricKey(value) else { continue }
            var key = base
            var counter = 2
            while keys.contains(key) {
                key = "\(base)_\(counter)"
                counter += 1
            }
            keys.insert(key)
            if piece.destination == .exploration { pieces[index].destination = .function(stage) }
            metricKeys[index] = key
            let offset = piece.statement.range.start.offset
            edits[piece.source, default: []].append(CellSource.Edit(range: offset..<offset, replacement: "metrics[\"\(key)\"] = "))
            let text = sources[piece.source].text(piece.span)
            if var explored = explorationSources[piece.cell], let at = explored.lastIndex(of: text) {
                explored.remove(at: at)
                explorationSources[piece.cell] = explored.isEmpty ? nil : explored
            }
        }
    }

    /// The key of a displayed score, or `nil` when the expression is not one.
    static func metricKey(_ expression: Expression) -> String? {
        guard case .call(let function, _, _) = expression.kind, let dotted = SyntaxWalk.dottedName(function) else { return nil }
        let parts = dotted.split(separator: ".").map(String.init)
        guard let last = parts.last else { return nil }
        let scoreLike = ["_score", "_error", "_loss", "_report", "_matrix"].contains { last.hasSuffix($0) }
        let methodLike = ["score", "evaluate", "mean", "std", "accuracy"].contains(last)
        guard scoreLike || methodLike else { return nil }
        // A module prefix says nothing (`metrics.accuracy_score`); a receiver does (`model.score`).
        if scoreLike || parts.count == 1 { return last }
        let receiver = parts[parts.count - 2]
        let key = "\(receiver)_\(last)".filter { $0.isLetter || $0.isNumber || $0 == "_" }
        return key.isEmpty ? nil : key
    }
}
