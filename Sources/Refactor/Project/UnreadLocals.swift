import PythonSyntax

/// Renames local variables a generated stage function assigns but never reads (`fig` in
/// `fig, ax = plt.subplots()` when only `ax` is used) to `_fig`, the dummy-variable form
/// linters accept (ruff F841, RUF059). Behaviour is unchanged: the name is local to the
/// function and nothing reads it.
///
/// What counts as read comes from the analyser's per-statement facts over the function
/// body; the rename is token-based (attributes `.fig` and keyword arguments `fig=` are not
/// names). Names a `global`/`nonlocal` statement mentions, returned names and parameters are
/// left alone, as is every name when the body does not parse.
enum UnreadLocals {
    /// Rewrites one `def` block.
    /// - Parameters:
    ///   - block: `def name(params):` and its body, four-space indented.
    ///   - keep: Names never renamed (returns, parameters).
    /// - Returns: The block with unread locals renamed.
    static func rename(_ block: String, keep: Set<String>) -> String {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1, lines[0].hasPrefix("def ") else { return block }
        let body = lines.dropFirst().map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        if body.contains("global ") || body.contains("nonlocal ") || body.contains("locals()") || body.contains("vars()") || body.contains("eval(") {
            return block
        }
        let analysis = PythonAnalyzer.analyze(body)
        guard analysis.diagnostics.isEmpty, analysis.module != nil else { return block }
        let statements = analysis.statements
        var unread: Set<String> = []
        for (index, statement) in statements.enumerated() {
            let first = statement.facts
            guard !first.defines.isEmpty else { continue }
            let text = String(body.utf8.dropFirst(statement.range.start.offset).prefix(statement.range.end.offset - statement.range.start.offset)) ?? ""
            if ["def ", "class ", "import ", "from ", "@", "async "].contains(where: { text.hasPrefix($0) }) { continue }
            for name in first.defines where !name.hasPrefix("_") && !keep.contains(name) {
                let readLater = statements[index...].contains { $0.facts.reads.contains(name) || $0.facts.mutates.contains(name) }
                if !readLater { unread.insert(name) }
            }
        }
        // A name some other statement defines and reads stays (it may be read via that one).
        unread = unread.filter { name in !statements.contains { $0.facts.reads.contains(name) } }
        guard !unread.isEmpty else { return block }
        return renameTokens(in: block, names: unread)
    }

    private static func renameTokens(in block: String, names: Set<String>) -> String {
        let tokens = Tokenizer.tokenize(block).tokens
        let present = Set(tokens.filter { $0.kind == .name }.map(\.text))
        let names = names.filter { !present.contains("_" + $0) }
        guard !names.isEmpty else { return block }
        var bytes = Array(block.utf8)
        let edits = NameTokens.references(in: tokens, to: names).map { token in
            (offset: token.range.start.offset, length: token.range.end.offset - token.range.start.offset, text: "_" + token.text)
        }
        for edit in edits.reversed() {
            bytes.replaceSubrange(edit.offset..<(edit.offset + edit.length), with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
