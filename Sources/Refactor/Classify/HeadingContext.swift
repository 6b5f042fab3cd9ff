/// The stack of markdown headings in effect at a point in the notebook.
struct HeadingContext: Sendable {
    private(set) var stack: [MarkdownHeading] = []

    /// Takes in the headings of a markdown cell: a heading closes the ones at its level and below.
    mutating func update(with headings: [MarkdownHeading]) {
        for heading in headings {
            stack.removeAll(where: { $0.level >= heading.level })
            stack.append(heading)
        }
    }

    /// The stage the innermost telling heading points to.
    func assignment(cell: Int) -> StageAssignment? {
        for heading in stack.reversed() {
            if let (stage, word) = StageKeywords.stage(for: heading.text) {
                return StageAssignment(
                    cell: cell, stage: stage, evidence: .heading,
                    reason: "under heading '\(heading.text)' ('\(word)')")
            }
        }
        return nil
    }
}
