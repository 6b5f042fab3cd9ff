/// A recursive-descent parser for Python 3.12 over the tokens of ``Tokenizer``.
///
/// Binary operators use precedence climbing, so one level of bracket nesting costs a bounded
/// number of stack frames; nesting deeper than ``maxDepth`` is a syntax error, never a crash.
struct Parser {
    /// The deepest nesting accepted, in units of ``enter(cost:)``.
    static let maxDepth = 200
    /// The longest accepted chain of trailers and binary operators (counted with the nesting
    /// around it): such chains nest the tree as deeply as brackets do, but cost less stack.
    static let maxChain = 1000
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ]

    let tokens: [Token]
    /// The position in `tokens`; the current token's kind, text and start are cached because
    /// the parser asks for them constantly.
    var index = 0 {
        didSet { refreshCurrent() }
    }
    var depth = 0
    /// The deepest chain of attribute/call/subscript trailers and binary operators in the
    /// expressions parsed so far in the current region: such chains are parsed in loops, so
    /// they are counted here to bound the depth of the tree (and of every walk over it).
    var chainDepth = 0
    var currentKind: TokenKind = .endOfFile
    var currentText = ""
    var currentStart = SourcePosition.start

    init(tokens: [Token]) {
        if tokens.isEmpty {
            let end = SourcePosition.start
            self.tokens = [Token(kind: .endOfFile, text: "", range: SourceRange(start: end, end: end))]
        } else {
            self.tokens = tokens
        }
        refreshCurrent()
    }

    mutating func refreshCurrent() {
        let token = tokens[min(index, tokens.count - 1)]
        currentKind = token.kind
        currentText = token.text
        currentStart = token.range.start
    }

    /// Parses a whole module, returning the statements parsed before the first error.
    mutating func parseModule() -> (body: [Statement], error: ParseError?) {
        var body: [Statement] = []
        while currentKind != .endOfFile {
            if currentKind == .newline {
                index += 1
                continue
            }
            do {
                body.append(contentsOf: try parseStatement())
            } catch let error as ParseError {
                return (body, error)
            } catch {
                return (body, invalidSyntax())
            }
        }
        return (body, nil)
    }

    // MARK: - Token access

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[max(0, min(index + offset, tokens.count - 1))]
    }

    /// The end of the last consumed token that has text (newlines, indents and dedents skipped),
    /// so a block's range ends at its last character.
    var previousEnd: SourcePosition {
        var cursor = min(index, tokens.count) - 1
        while cursor >= 0 {
            let token = tokens[cursor]
            switch token.kind {
            case .newline, .indent, .dedent, .endOfFile:
                cursor -= 1
            default:
                return token.range.end
            }
        }
        return currentStart
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isOp(_ text: String) -> Bool {
        currentKind == .op && currentText == text
    }

    func isKeyword(_ text: String) -> Bool {
        currentKind == .name && currentText == text
    }

    /// An identifier that is not a hard keyword (soft keywords are identifiers).
    var isIdentifier: Bool {
        currentKind == .name && !Self.keywords.contains(currentText)
    }

    mutating func expectOp(_ text: String) throws {
        guard isOp(text) else {
            if text == ":" { throw error("expected ':'") }
            throw invalidSyntax()
        }
        advance()
    }

    mutating func expectKeyword(_ text: String) throws {
        guard isKeyword(text) else { throw invalidSyntax() }
        advance()
    }

    mutating func expectIdentifier() throws -> String {
        guard isIdentifier else { throw invalidSyntax() }
        return advance().text
    }

    func range(from start: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: max(previousEnd, start))
    }

    // MARK: - Errors and depth

    func error(_ message: String, at token: Token? = nil) -> ParseError {
        let token = token ?? current
        return ParseError(issue: SyntaxIssue(message: message, position: token.range.start), lexicalMayWin: false, tokenIndex: index)
    }

    func error(_ message: String, at position: SourcePosition) -> ParseError {
        ParseError(issue: SyntaxIssue(message: message, position: position), lexicalMayWin: false, tokenIndex: index)
    }

    /// A generic syntax error at the current token, worded and located the way CPython's
    /// parser reports it (`unexpected indent`, `Perhaps you forgot a comma?`).
    func invalidSyntax() -> ParseError {
        switch currentKind {
        case .indent:
            return error("unexpected indent")
        case .dedent:
            return error("unindent does not match any outer indentation level")
        default:
            break
        }
        let previous: Token? = index > 0 ? tokens[index - 1] : nil
        let afterOpenBracket = previous.map { $0.kind == .op && ["(", "[", "{"].contains($0.text) } ?? false
        if let previous, Self.endsOperand(previous), canStartExpression, !isOp("*"), !isOp("-"), !isOp("+"), insideBrackets {
            let message = "invalid syntax, perhaps you forgot a comma"
            return ParseError(
                issue: SyntaxIssue(message: message, position: previous.range.start),
                lexicalMayWin: peek().kind == .endOfFile || previous.range.end.line != currentStart.line,
                tokenIndex: index)
        }
        return ParseError(
            issue: SyntaxIssue(message: "invalid syntax", position: currentStart),
            lexicalMayWin: !afterOpenBracket, tokenIndex: index)
    }

    static func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .name: return !keywords.contains(token.text) || ["None", "True", "False"].contains(token.text)
        case .number, .string, .fstringEnd: return true
        case .op: return [")", "]", "}"].contains(token.text)
        default: return false
        }
    }

    /// Whether the current token is inside brackets (counted over the tokens before it).
    var insideBrackets: Bool {
        var level = 0
        for token in tokens[0..<min(index, tokens.count)] where token.kind == .op {
            switch token.text {
            case "(", "[", "{": level += 1
            case ")", "]", "}": level -= 1
            default: break
            }
        }
        return level > 0
    }

    /// Stack cost of one bracket level (a whole descent through the expression grammar).
    static let bracketCost = 4

    /// Counts one level of nesting; `cost` weighs levels by the stack they use, so the worst
    /// accepted input stays within a few megabytes of stack even in a debug build.
    mutating func enter(cost: Int = 1) throws {
        depth += cost
        if depth > Self.maxDepth {
            throw error("too deeply nested")
        }
    }

    mutating func leave(cost: Int = 1) {
        depth -= cost
    }
}
