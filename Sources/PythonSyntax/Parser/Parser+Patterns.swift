extension Parser {
    /// Parses a `match` statement if the soft keyword starts one; otherwise restores the
    /// position and returns `nil` so the line is parsed as ordinary statements.
    mutating func parseMatchIfPresent() throws -> Statement? {
        let saved = index
        let savedDepth = depth
        let keyword = current
        let subject: Expression
        do {
            advance()
            let start = currentStart
            let first = try parseStarNamedExpression()
            if isOp(",") {
                var elements = [first]
                while isOp(",") {
                    advance()
                    if isOp(":") { break }
                    elements.append(try parseStarNamedExpression())
                }
                subject = Expression(.tuple(elements, context: .load), range: range(from: start))
            } else {
                subject = first
            }
            guard isOp(":") && peek().kind == .newline else { throw invalidSyntax() }
        } catch {
            index = saved
            depth = savedDepth
            return nil
        }
        advance()
        advance()
        guard currentKind == .indent else {
            throw error("expected an indented block after 'match' statement on line \(keyword.range.start.line)")
        }
        advance()
        var cases: [MatchCase] = []
        while currentKind == .name && currentText == "case" {
            cases.append(try parseCase())
        }
        if cases.isEmpty { throw invalidSyntax() }
        if currentKind == .dedent {
            advance()
        } else if currentKind != .endOfFile {
            throw invalidSyntax()
        }
        return Statement(.match(subject: subject, cases: cases), range: range(from: keyword.range.start))
    }

    mutating func parseCase() throws -> MatchCase {
        let keyword = advance()
        let start = currentStart
        let first = try parseMaybeStarPattern()
        var pattern = first
        if isOp(",") {
            var elements = [first]
            while isOp(",") {
                advance()
                if isOp(":") || isKeyword("if") { break }
                elements.append(try parseMaybeStarPattern())
            }
            pattern = Pattern(.sequence(elements), range: range(from: start))
        } else if case .star = first.kind {
            pattern = Pattern(.sequence([first]), range: first.range)
        }
        var guardExpression: Expression?
        if isKeyword("if") {
            advance()
            guardExpression = try parseNamedExpression()
        }
        let body = try parseBlock(after: "'case' statement", keyword: keyword)
        return MatchCase(pattern: pattern, guardExpression: guardExpression, body: body)
    }

    mutating func parseMaybeStarPattern() throws -> Pattern {
        if isOp("*") {
            let start = advance().range.start
            let name = try expectIdentifier()
            return Pattern(.star(name == "_" ? nil : name), range: range(from: start))
        }
        return try parsePattern()
    }

    /// `pattern`: an or-pattern, optionally `as name`.
    mutating func parsePattern() throws -> Pattern {
        try enter()
        defer { leave() }
        let start = currentStart
        let first = try parseClosedPattern()
        var pattern = first
        if isOp("|") {
            var alternatives = [first]
            while isOp("|") {
                advance()
                alternatives.append(try parseClosedPattern())
            }
            pattern = Pattern(.or(alternatives), range: range(from: start))
        }
        if isKeyword("as") {
            advance()
            let nameToken = current
            let name = try expectIdentifier()
            if name == "_" {
                throw error("cannot use '_' as a target", at: nameToken)
            }
            pattern = Pattern(.asPattern(pattern: pattern, name: name), range: range(from: start))
        }
        return pattern
    }

    mutating func parseSignedNumber() throws -> Expression {
        let start = currentStart
        var value: Expression
        if isOp("-") {
            advance()
            guard currentKind == .number else { throw invalidSyntax() }
            let number = advance()
            value = Expression(.unary(op: "-", operand: Expression(.constant(.number(number.text)), range: number.range)), range: range(from: start))
        } else {
            let number = advance()
            value = Expression(.constant(.number(number.text)), range: number.range)
        }
        if isOp("+") || isOp("-") {
            let op = advance().text
            guard currentKind == .number else { throw invalidSyntax() }
            let number = advance()
            let imaginary = Expression(.constant(.number(number.text)), range: number.range)
            value = Expression(.binary(left: value, op: op, right: imaginary), range: range(from: start))
        }
        return value
    }

    mutating func parseDottedValue() throws -> Expression {
        let start = currentStart
        let first = advance()
        var value = Expression(.name(first.text, context: .load), range: first.range)
        var links = 0
        while isOp(".") {
            links += 1
            if depth + links > Self.maxChain {
                throw error("too deeply nested")
            }
            advance()
            let attribute = try expectIdentifier()
            value = Expression(.attribute(value: value, attribute: attribute, context: .load), range: range(from: start))
        }
        return value
    }

    mutating func parseClosedPattern() throws -> Pattern {
        let start = currentStart
        switch currentKind {
        case .number:
            return Pattern(.value(try parseSignedNumber()), range: range(from: start))
        case .string:
            return Pattern(.value(try parseStrings()), range: range(from: start))
        case .fstringStart:
            throw error("patterns may only match literals and attribute lookups")
        case .op where currentText == "-":
            return Pattern(.value(try parseSignedNumber()), range: range(from: start))
        case .op where currentText == "(":
            advance()
            if isOp(")") {
                advance()
                return Pattern(.sequence([]), range: range(from: start))
            }
            let first = try parseMaybeStarPattern()
            if isOp(")") {
                advance()
                if case .star = first.kind {
                    return Pattern(.sequence([first]), range: range(from: start))
                }
                return first
            }
            var elements = [first]
            while isOp(",") {
                advance()
                if isOp(")") { break }
                elements.append(try parseMaybeStarPattern())
            }
            try expectOp(")")
            return Pattern(.sequence(elements), range: range(from: start))
        case .op where currentText == "[":
            advance()
            var elements: [Pattern] = []
            while !isOp("]") {
                elements.append(try parseMaybeStarPattern())
                if !isOp(",") { break }
                advance()
            }
            try expectOp("]")
            return Pattern(.sequence(elements), range: range(from: start))
        case .op where currentText == "{":
            return try parseMappingPattern()
        case .name:
            switch currentText {
            case "None":
                advance()
                return Pattern(.singleton(.none), range: range(from: start))
            case "True", "False":
                let value = advance().text == "True"
                return Pattern(.singleton(.bool(value)), range: range(from: start))
            default:
                guard isIdentifier else { throw invalidSyntax() }
            }
            let dotted = peek().kind == .op && peek().text == "."
            if !dotted && !(peek().kind == .op && peek().text == "(") {
                let name = advance().text
                return Pattern(.asPattern(pattern: nil, name: name == "_" ? nil : name), range: range(from: start))
            }
            let value = try parseDottedValue()
            if isOp("(") {
                return try parseClassPattern(cls: value, start: start)
            }
            return Pattern(.value(value), range: range(from: start))
        default:
            throw invalidSyntax()
        }
    }

    mutating func parseMappingPattern() throws -> Pattern {
        let start = advance().range.start
        var keys: [Expression] = []
        var patterns: [Pattern] = []
        var rest: String?
        while !isOp("}") {
            if isOp("**") {
                advance()
                rest = try expectIdentifier()
            } else {
                if rest != nil { throw invalidSyntax() }
                let key: Expression
                switch currentKind {
                case .number:
                    key = try parseSignedNumber()
                case .op where currentText == "-":
                    key = try parseSignedNumber()
                case .string:
                    key = try parseStrings()
                case .name where ["None", "True", "False"].contains(currentText):
                    key = try parseAtom()
                case .name where isIdentifier && peek().kind == .op && peek().text == ".":
                    key = try parseDottedValue()
                default:
                    throw invalidSyntax()
                }
                try expectOp(":")
                keys.append(key)
                patterns.append(try parsePattern())
            }
            if !isOp(",") { break }
            advance()
        }
        try expectOp("}")
        return Pattern(.mapping(keys: keys, patterns: patterns, rest: rest), range: range(from: start))
    }

    mutating func parseClassPattern(cls: Expression, start: SourcePosition) throws -> Pattern {
        advance()
        var patterns: [Pattern] = []
        var names: [String] = []
        var keywordPatterns: [Pattern] = []
        while !isOp(")") {
            if isIdentifier && peek().kind == .op && peek().text == "=" {
                names.append(advance().text)
                advance()
                keywordPatterns.append(try parsePattern())
            } else {
                let patternStart = currentStart
                let pattern = try parsePattern()
                if !names.isEmpty {
                    throw error("positional patterns follow keyword patterns", at: patternStart)
                }
                patterns.append(pattern)
            }
            if !isOp(",") { break }
            advance()
        }
        try expectOp(")")
        return Pattern(.classPattern(cls: cls, patterns: patterns, keywordNames: names, keywordPatterns: keywordPatterns), range: range(from: start))
    }
}
