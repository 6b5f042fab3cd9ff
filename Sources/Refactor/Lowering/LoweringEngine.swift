import Diagnostics

/// Lowers cell lines the way IPython 8's `TransformerManager.transform_cell` does, keeping the
/// line structure, and records a fact for every construct it replaces.
///
/// Two phases. First IPython's own loop, decision for decision: cleanup (blank lines, indent,
/// prompts), `%%cell` magics, then the token transformers one at a time, each writing the
/// exact `get_ipython()` call IPython writes (a replaced multi-line construct leaves blank
/// lines). Then one pass over the result as CPython will parse it turns every
/// `get_ipython().m(...)` statement (generated or written by the user) into `pass`,
/// `target = ...`, or the statement a timing magic runs — the shape of the oracle's AST
/// post-processing.
struct LoweringEngine {
    var facts: [MagicFact] = []
    var issues: [LoweringIssue] = []
    var cellMagic: CellMagic?
    /// The `get_ipython()` calls the transform loop wrote (as IPython writes them), by
    /// position, with what each becomes when it is a statement (`pass`, `...`, a timed
    /// statement). Their facts are already recorded.
    var generated: [GeneratedCall: Scalars] = [:]

    struct GeneratedCall: Hashable {
        /// 0-based line in the block being lowered.
        var line: Int
        /// 0-based column of `get_ipython`.
        var column: Int
        /// Which block of lines (the cell, or a nested `%time`/`%%capture` body) it is in.
        var block: Int
    }

    /// The block being lowered, and how many blocks were started.
    var block = 0
    var blockCount = 0

    /// IPython's `TRANSFORM_LOOP_LIMIT`.
    static let loopLimit = 500

    /// Lowers physical lines (each with its terminator; the last one ends in `\n`).
    /// - Parameters:
    ///   - input: The lines.
    ///   - origin: The 1-based source line of `input[0]`.
    ///   - bases: For each line, how many source columns precede it (stripped indentation).
    /// - Returns: The same number of lines, or nil when the cell is not Python.
    mutating func lowerLines(_ input: [Scalars], origin: Int, bases: [Int]) -> [Scalars]? {
        // IPython drops leading blank lines (`leading_empty_lines`); they stay as empty lines.
        guard let first = input.firstIndex(where: { !SourceText.isBlank($0) }) else { return input.map(Self.emptied) }
        let cleanup = CleanupTransforms(Array(input[first...]))
        let context = Context(origin: origin + first,
                              bases: zip(bases[first...], cleanup.removed).map { $0 + $1 })
        if cleanup.strippedPrompts {
            issues.append(LoweringIssue(id: "lowering.prompt-stripped", severity: .note,
                                        message: "interactive prompts such as '>>> ' are stripped, as ipython does",
                                        line: context.origin, column: 1))
        }
        var work = cleanup.lines
        let outerBlock = block
        blockCount += 1
        block = blockCount
        defer { block = outerBlock }
        if let magic = CellMagicLine(work[0]) {
            guard let body = lowerCellMagic(magic, work: work, context: context) else { return nil }
            return input[..<first].map(Self.emptied) + body
        }
        work = runTokenTransforms(work, context: context)
        work = rewriteUserCalls(work, context: context)
        work = rewriteAutomagicInstalls(work, context: context)
        return input[..<first].map(Self.emptied) + work
    }

    /// A blank line reduced to its line break when CPython also reads that as one (`\n`,
    /// `\r\n`, `\r`); a line ended by a break only IPython splits on (`\v`, `\f`, U+0085, …)
    /// disappears, since CPython would read that character as part of the next line.
    static func emptied(_ line: Scalars) -> Scalars {
        if SourceText.hasSuffix(line, "\r\n") { return ["\r", "\n"] }
        if let last = line.last, last == "\n" || last == "\r" { return [last] }
        return []
    }

    /// Where a block of lines sits in the source.
    struct Context {
        /// 1-based source line of the first line.
        var origin: Int
        /// Source columns before each line's first character.
        var bases: [Int]

        func sourceLine(_ line: Int) -> Int { origin + line }

        func sourceColumn(line: Int, column: Int) -> Int {
            (line < bases.count ? bases[line] : 0) + column + 1
        }
    }

    mutating func issue(_ id: String, _ severity: Severity, _ message: String, _ context: Context, line: Int, column: Int) {
        issues.append(LoweringIssue(id: id, severity: severity, message: message,
                                    line: context.sourceLine(line),
                                    column: context.sourceColumn(line: line, column: column)))
    }

    // MARK: - The token transform loop

    private mutating func runTokenTransforms(_ lines: [Scalars], context: Context) -> [Scalars] {
        var work = lines
        var cache = TokenCache(work)
        for _ in 0..<Self.loopLimit {
            if case .indentation(let line) = cache.failure {
                issue("lowering.ipython-error", .error, "ipython cannot transform this cell: unindent does not match any outer indentation level",
                      context, line: line - 1, column: 0)
                return work
            }
            let groups = TokenTransformFinder.group(cache.tokens)
            let candidates: [TokenTransformFinder.Candidate]
            do {
                candidates = try TokenTransformFinder.candidates(groups, lines: work)
            } catch {
                issue("lowering.ipython-error", .error, "ipython cannot transform this cell: a magic assignment ends the input",
                      context, line: max(0, work.count - 1), column: 0)
                return work
            }
            var changed: ClosedRange<Int>?
            for candidate in candidates {
                changed = apply(candidate, to: &work, context: context)
                if changed != nil { break }
            }
            guard let changed else {
                if let stuck = candidates.first {
                    issue("lowering.transform-stopped", .warning,
                          "ipython stops transforming at this help request, so the ipython syntax after it stays as written",
                          context, line: stuck.line, column: stuck.column)
                }
                return work
            }
            cache.update(work, changed: changed)
        }
        // IPython raises after TRANSFORM_LOOP_LIMIT transformations.
        issue("lowering.ipython-error", .error,
              "ipython cannot transform this cell: it has \(Self.loopLimit) or more pieces of ipython syntax",
              context, line: 0, column: 0)
        return work
    }

    /// `find_end_of_continued_line`, clamped to the last line.
    static func endOfContinuedLine(_ lines: [Scalars], from start: Int) -> Int {
        var end = start
        while SourceText.hasSuffix(lines[end], "\\\n") {
            end += 1
            if end >= lines.count { return lines.count - 1 }
        }
        return end
    }

    /// `assemble_continued_line`.
    static func assembleContinuedLine(_ lines: [Scalars], line: Int, column: Int, endLine: Int) -> Scalars {
        var parts = [Array(lines[line][column...])]
        if endLine > line { parts += lines[(line + 1)...endLine] }
        var pieces = parts.dropLast().map { Array(SourceText.rstrip($0).dropLast()) }
        pieces.append(SourceText.rstrip(parts[parts.count - 1]))
        return Array(pieces.joined(separator: [" "]))
    }

    /// Replaces `lines[start...end]` with one line and blank lines, keeping the count.
    static func replace(_ lines: inout [Scalars], from start: Int, through end: Int, with text: Scalars) {
        let blanks = Array(repeating: Scalars(["\n"]), count: end - start)
        lines.replaceSubrange(start...end, with: [text + ["\n"]] + blanks)
    }

    /// Applies one transformation; returns the lines it changed, or nil when it does not apply.
    private mutating func apply(_ candidate: TokenTransformFinder.Candidate, to work: inout [Scalars], context: Context) -> ClosedRange<Int>? {
        let line = candidate.line
        let column = candidate.column
        switch candidate.kind {
        case .helpEnd(let questionLine, _):
            let piece = Array(work[line...questionLine].joined())
            let indent = Array(piece[..<column])
            let content = Array(piece[column...])
            guard let match = HelpEndPattern.search(content) else { return nil }
            if !SourceText.strip(Array(content[..<match.start])).isEmpty {
                issue("lowering.help-drops-code", .warning, "ipython drops the code before this help request on the same line",
                      context, line: line, column: column)
            }
            recordHelp(target: match.target, detailed: match.escape.count == 2, context: context, line: line, endLine: questionLine)
            let call = Self.helpCall(target: match.target, escape: match.escape)
            generated[GeneratedCall(line: line, column: indent.count, block: block)] = SourceText.scalars("pass")
            Self.replace(&work, from: line, through: questionLine, with: indent + call)
            return line...questionLine
        case .escapedCommand:
            let end = Self.endOfContinuedLine(work, from: line)
            let indent = Array(work[line][..<column])
            let text = Self.assembleContinuedLine(work, line: line, column: column, endLine: end)
            let (call, replacement) = escapedCommand(text, context: context, line: line, column: column, endLine: end)
            if let replacement {
                generated[GeneratedCall(line: line, column: indent.count, block: block)] = replacement
            }
            Self.replace(&work, from: line, through: end, with: indent + call)
            return line...end
        case .magicAssign, .systemAssign:
            let end = Self.endOfContinuedLine(work, from: line)
            let lhs = Array(work[line][..<column])
            let rhs = Self.assembleContinuedLine(work, line: line, column: column, endLine: end)
            let targets = Self.assignmentTargets(lhs)
            let span = (context.sourceLine(line), context.sourceLine(end))
            let call: String
            if candidate.kind == .systemAssign {
                let command = Array(rhs.dropFirst())
                let commandText = SourceText.string(command)
                facts.append(.shellCapture(CapturedOutput(targets: targets, command: commandText, line: span.0, endLine: span.1)))
                recordInstalls(inShell: commandText, via: "capture", line: span.0, endLine: span.1)
                call = "get_ipython().getoutput(\(PythonRepr.repr(commandText)))"
            } else {
                let (name, arguments) = SourceText.partitionAtSpace(Array(rhs.dropFirst()))
                let nameText = SourceText.string(name)
                let argumentText = SourceText.string(arguments)
                facts.append(.magicCapture(CapturedOutput(targets: targets, command: nameText, arguments: argumentText,
                                                          line: span.0, endLine: span.1)))
                if nameText == "sx" || nameText == "system" {
                    recordInstalls(inShell: argumentText, via: "capture", line: span.0, endLine: span.1)
                }
                call = "get_ipython().run_line_magic(\(PythonRepr.repr(nameText)), \(PythonRepr.repr(argumentText)))"
            }
            generated[GeneratedCall(line: line, column: lhs.count, block: block)] = SourceText.scalars("...")
            Self.replace(&work, from: line, through: end, with: lhs + SourceText.scalars(call))
            return line...end
        }
    }

    /// `_make_help_call`: `get_ipython().run_line_magic('pinfo', 'target')` (or `pinfo2`, `psearch`).
    static func helpCall(target: Scalars, escape: Scalars) -> Scalars {
        let method = escape.count == 2 ? "pinfo2" : target.contains("*") ? "psearch" : "pinfo"
        return SourceText.scalars("get_ipython().run_line_magic(\(PythonRepr.repr(method)), ") + PythonRepr.repr(target) + [")"]
    }

    /// The assignment targets in the text before `= !cmd` / `= %magic`.
    static func assignmentTargets(_ lhs: Scalars) -> [String] {
        var text = SourceText.string(SourceText.strip(lhs))
        if text.hasSuffix("=") { text.removeLast() }
        var targets: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                targets.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        targets.append(current)
        return targets.map { target in
            var cleaned = target.strippingCharacters(" \t()[]")
            if let colon = cleaned.firstIndex(of: ":") { cleaned = String(cleaned[..<colon]) }
            return cleaned.strippingCharacters(" \t")
        }.filter { !$0.isEmpty }
    }
}
