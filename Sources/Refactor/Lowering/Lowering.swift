/// Lowering: IPython syntax in a code cell → plain Python plus typed facts.
///
/// It mirrors IPython 8's `TransformerManager.transform_cell` decision for decision (prompt
/// and indentation cleanup, `%%cell` magics, `x = %magic`, `x = !cmd`, `%magic`/`!cmd`/`?obj`
/// escapes, `obj?` help, found token by token so strings and comments are never touched), but
/// where IPython's result has a `get_ipython()` statement it has `pass` (or `target = ...` for
/// an assignment, or the timed statement for `%time`/`%timeit`/`%prun`/`%debug`) on the same
/// line, so line `n` of the result is line `n` of the cell. `Tests/Oracle/ipython_lower.py`
/// is the same definition written against IPython itself; the differential tests hold the two
/// to the same AST.
public enum Lowering {
    /// Lowers one code cell.
    /// - Parameter source: The cell's source text.
    /// - Returns: The plain Python (nil for a non-Python cell magic), the facts found, and
    ///   the issues that could not be lowered faithfully.
    public static func lower(_ source: String) -> LoweredCell {
        var text = source
        let addedNewline = !text.hasSuffix("\n")
        if addedNewline { text += "\n" }
        let lines = SourceText.splitLines(text)
        var engine = LoweringEngine()
        let lowered = engine.lowerLines(lines, origin: 1, bases: Array(repeating: 0, count: lines.count))
        var python = lowered.map { SourceText.string(Array($0.joined())) }
        if addedNewline, python?.hasSuffix("\n") == true {
            python?.removeLast()
            // A backslash continuation must not end the input: keep the (now blank) last line.
            if let text = python, text.hasSuffix("\\\n") || text.hasSuffix("\\\r\n") || text.hasSuffix("\\\r") {
                python = text + " "
            }
        }
        let facts = engine.facts.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        let issues = engine.issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return LoweredCell(python: python, magics: facts, cellMagic: engine.cellMagic, issues: issues)
    }
}
