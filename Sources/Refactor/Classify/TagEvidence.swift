/// Stage decisions from cell tags, the strongest evidence.
///
/// Understands nbship's own `nbship:<stage>`, Kale's `block:<name>` / `step:<name>` /
/// `skip` / `imports` / `functions`, and papermill's `parameters`.
enum TagEvidence {
    static func assignment(for tags: [String], cell: Int) -> StageAssignment? {
        for tag in tags {
            let lower = tag.lowercased()
            if lower.hasPrefix("nbship:") {
                let value = String(lower.dropFirst("nbship:".count))
                if let stage = Stage(rawValue: value) {
                    return StageAssignment(cell: cell, stage: stage, evidence: .tag, reason: "tagged \(tag)")
                }
            }
        }
        for tag in tags {
            let lower = tag.lowercased()
            switch lower {
            case "parameters":
                return StageAssignment(cell: cell, stage: .setup, evidence: .tag, reason: "tagged parameters (papermill): configuration")
            case "skip":
                return StageAssignment(cell: cell, stage: .explore, evidence: .tag, reason: "tagged skip (Kale): kept out of the pipeline")
            case "imports":
                return StageAssignment(cell: cell, stage: .setup, evidence: .tag, reason: "tagged imports (Kale)")
            case "functions":
                return StageAssignment(cell: cell, stage: .model, evidence: .tag, reason: "tagged functions (Kale): shared definitions")
            default:
                break
            }
            for prefix in ["block:", "step:"] where lower.hasPrefix(prefix) {
                let name = String(tag.dropFirst(prefix.count))
                if let (stage, word) = StageKeywords.stage(for: name.replacingOccurrences(of: "_", with: " ")) {
                    return StageAssignment(cell: cell, stage: stage, evidence: .tag, reason: "tagged \(tag) (Kale): '\(word)' means \(stage.rawValue)")
                }
            }
        }
        return nil
    }
}
