extension LoweringEngine {
    /// Rewrites `get_ipython().method(...)` statements the user wrote (and assignments from
    /// them) into `pass` / `target = ...`, recording each as a fact. A `run_line_magic` with
    /// literal arguments is treated exactly like the `%magic` it spells.
    mutating func rewriteUserCalls(_ lines: [Scalars], context: Context) -> [Scalars] {
        var work = lines
        for _ in 0..<Self.loopLimit {
            let result = IPythonTokenizer.tokenize(work)
            if case .indentation = result.failure { return work }
            guard let site = Self.firstUserCall(TokenTransformFinder.group(result.tokens)) else { return work }
            let replacement = userCallReplacement(site, context: context)
            let (startLine, startColumn) = (site.start.startLine - 1, site.start.startColumn)
            let (endLine, endColumn) = (site.close.endLine - 1, site.close.endColumn)
            let tail = Array(work[endLine][endColumn...])
            work[startLine] = Array(work[startLine][..<startColumn]) + replacement + tail
            if endLine > startLine {
                for index in (startLine + 1)...endLine { work[index] = ["\n"] }
            }
        }
        return work
    }

    struct UserCallSite {
        var start: IPythonToken
        var close: IPythonToken
        var method: String
        var arguments: [IPythonToken]
        /// Assignment targets, or nil for an expression statement.
        var targets: [String]?
        var targetText: String
    }

    private static let trailing: [IPythonToken.Kind] = [.comment, .nl, .newline, .dedent, .endMarker]

    static func firstUserCall(_ groups: [[IPythonToken]]) -> UserCallSite? {
        for group in groups {
            var segmentStart = 0
            var depth = 0
            var index = 0
            while index <= group.count {
                let atEnd = index == group.count
                if !atEnd {
                    let text = group[index].text
                    if group[index].kind == .op, text == ["("] || text == ["["] || text == ["{"] { depth += 1 }
                    if group[index].kind == .op, text == [")"] || text == ["]"] || text == ["}"] { depth = max(0, depth - 1) }
                }
                if atEnd || (depth == 0 && group[index].isOperator(";")) {
                    if let site = callStatement(Array(group[segmentStart..<index])) { return site }
                    segmentStart = index + 1
                }
                index += 1
            }
        }
        return nil
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
        var depth = 0
        var lastAssign: Int?
        for (index, token) in tokens.enumerated() {
            if token.kind == .op, token.text == ["("] || token.text == ["["] || token.text == ["{"] { depth += 1 }
            if token.kind == .op, token.text == [")"] || token.text == ["]"] || token.text == ["}"] { depth = max(0, depth - 1) }
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

    /// `get_ipython ( ) . name ( … )` at `index`, running to the end of the statement.
    private static func call(_ tokens: [IPythonToken], at index: Int) -> UserCallSite? {
        guard index + 5 < tokens.count, tokens[index].isName("get_ipython"), tokens[index + 1].isOperator("("),
              tokens[index + 2].isOperator(")"), tokens[index + 3].isOperator("."), tokens[index + 4].kind == .name,
              tokens[index + 5].isOperator("(") else { return nil }
        var depth = 0
        var close: Int?
        for cursor in (index + 5)..<tokens.count {
            let text = tokens[cursor].text
            if tokens[cursor].kind == .op, text == ["("] || text == ["["] || text == ["{"] { depth += 1 }
            if tokens[cursor].kind == .op, text == [")"] || text == ["]"] || text == ["}"] {
                depth -= 1
                if depth == 0 {
                    close = cursor
                    break
                }
            }
        }
        guard let close, tokens[(close + 1)...].allSatisfy({ trailing.contains($0.kind) }) else { return nil }
        return UserCallSite(start: tokens[index], close: tokens[close], method: tokens[index + 4].string,
                            arguments: Array(tokens[(index + 6)..<close]), targets: nil, targetText: "")
    }

    private mutating func userCallReplacement(_ site: UserCallSite, context: Context) -> Scalars {
        let line = site.start.startLine - 1
        let endLine = site.close.endLine - 1
        let span = (context.sourceLine(line), context.sourceLine(endLine))
        let literals = Self.stringArguments(site.arguments)
        if site.targets == nil, site.method == "run_line_magic", let literals, literals.count == 2 {
            return lineMagicStatement(name: literals[0], arguments: literals[1], context: context,
                                      line: line, column: site.start.startColumn, endLine: endLine)
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
