extension LoweringEngine {
    /// Rewrites `get_ipython().method(...)` statements the user wrote (and assignments from
    /// them) into `pass` / `target = ...`, recording each as a fact. A `run_line_magic` with
    /// literal arguments is treated exactly like the `%magic` it spells.
    mutating func rewriteUserCalls(_ lines: [Scalars], context: Context) -> [Scalars] {
        // Statements are found the way CPython will parse the result: lines end at `\n`,
        // `\r\n` or `\r` only (IPython's own lines also break at `\f`, `\v`, …).
        var text = Array(lines.joined())
        // Every site starts with a `get_ipython` name token; without one, skip tokenizing.
        guard SourceText.contains(text, "get_ipython") else { return lines }
        let view = CPythonLines(text)
        let result = IPythonTokenizer.tokenize(view.normalized)
        if case .indentation = result.failure { return lines }
        let sites = Self.userCalls(TokenTransformFinder.group(result.tokens))
        guard !sites.isEmpty else { return lines }
        // Replace from the last to the first so earlier offsets stay valid.
        var edits: [(start: Int, end: Int, replacement: Scalars)] = []
        for site in sites {
            let start = view.offset(line: site.start.startLine - 1, column: site.start.startColumn)
            let end = view.offset(line: site.close.endLine - 1, column: site.close.endColumn)
            let callOffset = view.offset(line: site.call.startLine - 1, column: site.call.startColumn)
            let (line, column) = Self.ipythonPosition(text, offset: start)
            let (callLine, callColumn) = Self.ipythonPosition(text, offset: callOffset)
            let (endLine, _) = Self.ipythonPosition(text, offset: max(start, end - 1))
            let key = GeneratedCall(line: callLine, column: callColumn, block: block)
            let replacement = generated[key] ?? userCallReplacement(site, context: context, line: line, column: column, endLine: endLine)
            edits.append((start, end, replacement))
        }
        for edit in edits.reversed() {
            // Later edits only changed text after `edit.end`, so the rest of its line is found now.
            var lineEnd = edit.end
            while lineEnd < text.count, text[lineEnd] != "\n", text[lineEnd] != "\r" { lineEnd += 1 }
            let breaks = text[edit.start..<edit.end].filter { SourceText.lineBreaks.contains($0) }
            text = Array(text[..<edit.start]) + edit.replacement + Array(text[edit.end..<lineEnd]) + breaks
                + Array(text[lineEnd...])
        }
        return SourceText.splitLines(SourceText.string(text))
    }

    /// The 0-based line (as `str.splitlines` counts) and column of an offset.
    static func ipythonPosition(_ text: Scalars, offset: Int) -> (line: Int, column: Int) {
        var line = 0
        var lineStart = 0
        var index = 0
        while index < offset {
            let scalar = text[index]
            if SourceText.lineBreaks.contains(scalar) {
                if scalar == "\r", index + 1 < text.count, text[index + 1] == "\n" { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart)
    }

    struct UserCallSite {
        var start: IPythonToken
        /// The `get_ipython` token (after any redundant parentheses).
        var call: IPythonToken
        var close: IPythonToken
        var method: String
        var arguments: [IPythonToken]
        /// Assignment targets, or nil for an expression statement.
        var targets: [String]?
        var targetText: String
    }

    private static let compoundKeywords: Set<String> = [
        "if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async", "match", "case",
    ]

    private static let trailing: [IPythonToken.Kind] = [.comment, .nl, .newline, .dedent, .endMarker]

    static func userCalls(_ groups: [TokenLine]) -> [UserCallSite] {
        var sites: [UserCallSite] = []
        for group in groups {
            var segmentStart = 0
            var depth = 0
            var index = 0
            while index <= group.count {
                let atEnd = index == group.count
                if !atEnd {
                    let token = group[index]
                    if token.kind == .op, token.isOpening { depth += 1 }
                    if token.kind == .op, token.isClosing { depth = max(0, depth - 1) }
                }
                if atEnd || (depth == 0 && group[index].isOperator(";")) {
                    if let site = callStatement(Array(group[segmentStart..<index])) { sites.append(site) }
                    segmentStart = index + 1
                }
                index += 1
            }
        }
        return sites
    }

    /// A statement (tokens between `;`s) that is `get_ipython().m(...)` or `t = get_ipython().m(...)`.
    private static func callStatement(_ tokens: [IPythonToken]) -> UserCallSite? {
        var first = 0
        while first < tokens.count, tokens[first].kind == .indent || tokens[first].kind == .dedent { first += 1 }
        guard first < tokens.count else { return nil }
        if var site = call(tokens, at: first) {
            site.targets = nil
            return site
        }
        // A one-line compound statement: `if x: get_ipython().system('ls')`.
        if tokens[first].kind == .name, compoundKeywords.contains(tokens[first].string) {
            var depth = 0
            for (index, token) in tokens.enumerated() where index > first {
                if token.kind == .op, token.isOpening { depth += 1 }
                if token.kind == .op, token.isClosing { depth = max(0, depth - 1) }
                if depth == 0, token.isOperator(":") {
                    return callStatement(Array(tokens[(index + 1)...]))
                }
            }
            return nil
        }
        var depth = 0
        var lastAssign: Int?
        for (index, token) in tokens.enumerated() {
            if token.kind == .op, token.isOpening { depth += 1 }
            if token.kind == .op, token.isClosing { depth = max(0, depth - 1) }
            if depth == 0, token.isOperator("=") { lastAssign = index }
        }
        guard let assign = lastAssign, var site = call(tokens, at: assign + 1) else { return nil }
        let lhs = tokens[first..<assign].map(\.string).joined(separator: " ")
        site.targetText = lhs
        site.targets = lhs.split(separator: "=").flatMap {
            LoweringEngine.assignmentTargets(SourceText.scalars(String($0)))
        }
        return site
    }

    /// `get_ipython ( ) . name ( … )` at `index`, possibly inside redundant parentheses,
    /// running to the end of the statement.
    private static func call(_ tokens: [IPythonToken], at start: Int) -> UserCallSite? {
        var parens = 0
        while start + parens < tokens.count, tokens[start + parens].isOperator("(") { parens += 1 }
        let index = start + parens
        guard index + 5 < tokens.count, tokens[index].isName("get_ipython"), tokens[index + 1].isOperator("("),
              tokens[index + 2].isOperator(")"), tokens[index + 3].isOperator("."), tokens[index + 4].kind == .name,
              tokens[index + 5].isOperator("(") else { return nil }
        var depth = 0
        var close: Int?
        for cursor in (index + 5)..<tokens.count {
            let token = tokens[cursor]
            if token.kind == .op, token.isOpening { depth += 1 }
            if token.kind == .op, token.isClosing {
                depth -= 1
                if depth == 0 {
                    close = cursor
                    break
                }
            }
        }
        guard var close else { return nil }
        let callClose = close
        for _ in 0..<parens {
            guard close + 1 < tokens.count, tokens[close + 1].isOperator(")") else { return nil }
            close += 1
        }
        guard tokens[(close + 1)...].allSatisfy({ trailing.contains($0.kind) }) else { return nil }
        return UserCallSite(start: tokens[start], call: tokens[index], close: tokens[close], method: tokens[index + 4].string,
                            arguments: Array(tokens[(index + 6)..<callClose]), targets: nil, targetText: "")
    }

    private mutating func userCallReplacement(_ site: UserCallSite, context: Context, line: Int, column: Int, endLine: Int) -> Scalars {
        let span = (context.sourceLine(line), context.sourceLine(endLine))
        let literals = Self.stringArguments(site.arguments)
        if site.targets == nil, site.method == "run_line_magic", let literals, literals.count == 2 {
            return lineMagicStatement(name: literals[0], arguments: literals[1], context: context,
                                      line: line, column: column, endLine: endLine)
        }
        let argumentText = site.arguments.map(\.string).joined(separator: " ")
        facts.append(.ipythonCall(IPythonCall(method: site.method, arguments: argumentText, targets: site.targets ?? [],
                                              line: span.0, endLine: span.1)))
        if ["system", "getoutput"].contains(site.method), let literals, literals.count == 1 {
            recordInstalls(inShell: literals[0], via: "get_ipython", line: span.0, endLine: span.1)
        }
        return SourceText.scalars(site.targets == nil ? "pass" : "...")
    }

    /// The arguments when they are all plain string literals separated by commas.
    static func stringArguments(_ tokens: [IPythonToken]) -> [String]? {
        var values: [String] = []
        var expectValue = true
        for token in tokens where token.kind != .nl && token.kind != .comment {
            if expectValue {
                guard token.kind == .string, let value = decodeSimpleString(token.text) else { return nil }
                values.append(value)
            } else if !token.isOperator(",") {
                return nil
            }
            expectValue.toggle()
        }
        return values
    }

    /// A `'…'` or `"…"` literal without prefix and with only simple escapes.
    static func decodeSimpleString(_ text: Scalars) -> String? {
        guard text.count >= 2, let quote = text.first, quote == "'" || quote == "\"", text.last == quote,
              !(text.count >= 6 && text[1] == quote && text[2] == quote) else { return nil }
        var result = String.UnicodeScalarView()
        var index = 1
        while index < text.count - 1 {
            let scalar = text[index]
            if scalar == "\\" {
                guard index + 1 < text.count - 1 else { return nil }
                switch text[index + 1] {
                case "\\": result.append("\\")
                case "'": result.append("'")
                case "\"": result.append("\"")
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: return nil
                }
                index += 2
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }
}
