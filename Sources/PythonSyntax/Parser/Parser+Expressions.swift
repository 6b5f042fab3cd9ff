extension Parser {
    /// Whether the current token can start an expression.
    var canStartExpression: Bool {
        switch currentKind {
        case .name:
            switch currentText {
            case "None", "True", "False", "not", "lambda", "await": return true
            default: return !Self.keywords.contains(currentText)
            }
        case .number, .string, .fstringStart:
            return true
        case .op:
            switch currentText {
            case "(", "[", "{", "-", "+", "~", "...", "*": return true
            default: return false
            }
        default:
            return false
        }
    }

    // MARK: - Lists of expressions

    /// `star_expressions`: `a`, `a, *b`, `a,` (a tuple when there is a comma).
    mutating func parseStarExpressions() throws -> Expression {
        let start = currentStart
        let first = try parseStarExpression()
        guard isOp(",") else { return first }
        var elements = [first]
        while isOp(",") {
            advance()
            guard canStartExpression else { break }
            elements.append(try parseStarExpression())
        }
        return Expression(.tuple(elements, context: .load), range: range(from: start))
    }

    mutating func parseStarExpression() throws -> Expression {
        if isOp("*") {
            let start = advance().range.start
            let value = try parseBitwiseOr()
            return Expression(.starred(value, context: .load), range: range(from: start))
        }
        return try parseExpression()
    }

    /// `star_named_expression`: `*a` or a (walrus) expression, in displays.
    mutating func parseStarNamedExpression() throws -> Expression {
        if isOp("*") {
            let start = advance().range.start
            let value = try parseBitwiseOr()
            return Expression(.starred(value, context: .load), range: range(from: start))
        }
        return try parseNamedExpression()
    }

    /// `named_expression`: `name := value` or an expression.
    mutating func parseNamedExpression() throws -> Expression {
        if currentKind == .name && peek().kind == .op && peek().text == ":=" {
            let nameToken = current
            guard isIdentifier else {
                throw error("cannot use assignment expressions with \(nameToken.text)")
            }
            advance()
            advance()
            let value = try parseExpression()
            let target = Expression(.name(nameToken.text, context: .store), range: nameToken.range)
            return Expression(.named(target: target, value: value), range: range(from: nameToken.range.start))
        }
        let expression = try parseExpression()
        if isOp(":=") {
            throw error("cannot use assignment expressions with \(Self.describe(expression))", at: expression.range.start)
        }
        return expression
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    mutating func parseExpression() throws -> Expression {
        try enter()
        defer { leave() }
        if isKeyword("lambda") {
            return try parseLambda()
        }
        let start = currentStart
        let body = try parseDisjunction()
        guard isKeyword("if") else { return body }
        advance()
        let test = try parseDisjunction()
        guard isKeyword("else") else {
            throw error("expected 'else' after 'if' expression")
        }
        advance()
        let orElse = try parseExpression()
        return Expression(.conditional(test: test, body: body, orElse: orElse), range: range(from: start))
    }

    mutating func parseLambda() throws -> Expression {
        try enter()
        defer { leave() }
        let start = advance().range.start
        let arguments = try parseParameters(closing: ":", annotations: false)
        try expectOp(":")
        let body = try parseExpression()
        return Expression(.lambda(arguments: arguments, body: body), range: range(from: start))
    }

    // MARK: - Boolean and comparison

    mutating func parseDisjunction() throws -> Expression {
        let start = currentStart
        let first = try parseConjunction()
        guard isKeyword("or") else { return first }
        var values = [first]
        while isKeyword("or") {
            advance()
            values.append(try parseConjunction())
        }
        return Expression(.boolean(op: "or", values: values), range: range(from: start))
    }

    mutating func parseConjunction() throws -> Expression {
        let start = currentStart
        let first = try parseInversion()
        guard isKeyword("and") else { return first }
        var values = [first]
        while isKeyword("and") {
            advance()
            values.append(try parseInversion())
        }
        return Expression(.boolean(op: "and", values: values), range: range(from: start))
    }

    mutating func parseInversion() throws -> Expression {
        guard isKeyword("not") else { return try parseComparison() }
        try enter()
        defer { leave() }
        let start = advance().range.start
        let operand = try parseInversion()
        return Expression(.unary(op: "not", operand: operand), range: range(from: start))
    }

    mutating func comparisonOperator() -> String? {
        switch currentKind {
        case .op:
            switch currentText {
            case "==", "!=", "<", ">", "<=", ">=": return advance().text
            default: return nil
            }
        case .name where currentText == "in":
            advance()
            return "in"
        case .name where currentText == "not" && peek().kind == .name && peek().text == "in":
            advance()
            advance()
            return "not in"
        case .name where currentText == "is":
            advance()
            if isKeyword("not") {
                advance()
                return "is not"
            }
            return "is"
        default:
            return nil
        }
    }

    mutating func parseComparison() throws -> Expression {
        let start = currentStart
        let left = try parseBitwiseOr()
        var ops: [String] = []
        var comparators: [Expression] = []
        while let op = comparisonOperator() {
            ops.append(op)
            comparators.append(try parseBitwiseOr())
        }
        if ops.isEmpty { return left }
        return Expression(.compare(left: left, ops: ops, comparators: comparators), range: range(from: start))
    }

    // MARK: - Binary operators (precedence climbing)

    static func binaryPrecedence(_ text: String) -> Int? {
        switch text {
        case "|": return 1
        case "^": return 2
        case "&": return 3
        case "<<", ">>": return 4
        case "+", "-": return 5
        case "*", "/", "//", "%", "@": return 6
        default: return nil
        }
    }

    mutating func parseBitwiseOr() throws -> Expression {
        try parseBinary(minimumPrecedence: 1)
    }

    mutating func parseBinary(minimumPrecedence: Int) throws -> Expression {
        let start = currentStart
        let outerChain = chainDepth
        chainDepth = 0
        var left = try parseFactor()
        var chain = 0
        while currentKind == .op, let precedence = Self.binaryPrecedence(currentText), precedence >= minimumPrecedence {
            chain += 1
            if depth + chainDepth + chain > Self.maxChain {
                throw error("too deeply nested")
            }
            let op = advance().text
            try enter()
            let right = try parseBinary(minimumPrecedence: precedence + 1)
            leave()
            left = Expression(.binary(left: left, op: op, right: right), range: range(from: start))
        }
        chainDepth = max(outerChain, chainDepth + chain)
        return left
    }

    mutating func parseFactor() throws -> Expression {
        guard currentKind == .op, currentText == "-" || currentText == "+" || currentText == "~" else {
            return try parsePower()
        }
        try enter()
        defer { leave() }
        let opToken = advance()
        let operand = try parseFactor()
        return Expression(.unary(op: opToken.text, operand: operand), range: range(from: opToken.range.start))
    }

    mutating func parsePower() throws -> Expression {
        let start = currentStart
        let base = try parseAwaitPrimary()
        guard isOp("**") else { return base }
        advance()
        try enter()
        defer { leave() }
        let exponent = try parseFactor()
        return Expression(.binary(left: base, op: "**", right: exponent), range: range(from: start))
    }

    mutating func parseAwaitPrimary() throws -> Expression {
        guard isKeyword("await") else { return try parsePrimary() }
        let start = advance().range.start
        let value = try parsePrimary()
        return Expression(.await(value), range: range(from: start))
    }

    // MARK: - Primaries

    mutating func parsePrimary() throws -> Expression {
        let start = currentStart
        let outerChain = chainDepth
        chainDepth = 0
        var value = try parseAtom()
        var trailers = 0
        while currentKind == .op && (isOp(".") || isOp("(") || isOp("[")) {
            trailers += 1
            if depth + chainDepth + trailers > Self.maxChain {
                throw error("too deeply nested")
            }
            if isOp(".") {
                advance()
                let attribute = try expectAttributeName()
                value = Expression(.attribute(value: value, attribute: attribute, context: .load), range: range(from: start))
            } else if isOp("(") {
                let (arguments, keywords) = try parseCallArguments()
                value = Expression(.call(function: value, arguments: arguments, keywords: keywords), range: range(from: start))
            } else {
                let slice = try parseSlices()
                value = Expression(.subscript(value: value, slice: slice, context: .load), range: range(from: start))
            }
        }
        chainDepth = max(outerChain, chainDepth + trailers)
        return value
    }

    mutating func expectAttributeName() throws -> String {
        guard currentKind == .name, isIdentifier else { throw invalidSyntax() }
        return advance().text
    }

    /// `( args )` of a call or a class statement.
    mutating func parseCallArguments() throws -> (arguments: [Expression], keywords: [Keyword]) {
        try expectOp("(")
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        var arguments: [Expression] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var sawGenerator = false
        var count = 0
        while !isOp(")") {
            count += 1
            if isOp("*") {
                let start = advance().range.start
                let value = try parseExpression()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: start)
                }
                arguments.append(Expression(.starred(value, context: .load), range: range(from: start)))
            } else if isOp("**") {
                advance()
                keywords.append(Keyword(name: nil, value: try parseExpression()))
                sawDoubleStar = true
            } else if currentKind == .name && peek().kind == .op && peek().text == "=" {
                let nameToken = advance()
                if !isIdentifierText(nameToken.text) {
                    throw error("cannot assign to \(nameToken.text)", at: nameToken)
                }
                advance()
                keywords.append(Keyword(name: nameToken.text, value: try parseExpression()))
                sawKeyword = true
            } else {
                let start = currentStart
                var value = try parseNamedExpression()
                if isOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: start)
                }
                if isKeyword("for") || isKeyword("async") {
                    let generators = try parseComprehensionClauses()
                    value = Expression(.generator(element: value, generators: generators), range: range(from: start))
                    sawGenerator = true
                }
                if sawDoubleStar {
                    throw error("positional argument follows keyword argument unpacking", at: start)
                }
                if sawKeyword {
                    throw error("positional argument follows keyword argument", at: start)
                }
                arguments.append(value)
            }
            if !isOp(",") { break }
            advance()
        }
        if sawGenerator && count > 1 {
            throw error("generator expression must be parenthesized")
        }
        try expectOp(")")
        return (arguments, keywords)
    }

    func isIdentifierText(_ text: String) -> Bool {
        !Self.keywords.contains(text)
    }

    /// `[ slices ]`.
    mutating func parseSlices() throws -> Expression {
        let start = currentStart
        try expectOp("[")
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        var items: [Expression] = []
        var trailingComma = false
        while !isOp("]") {
            items.append(try parseSlice())
            trailingComma = false
            if !isOp(",") { break }
            advance()
            trailingComma = true
        }
        try expectOp("]")
        if items.count == 1 && !trailingComma, let only = items.first {
            return only
        }
        if items.isEmpty {
            throw error("invalid syntax", at: start)
        }
        let inner = SourceRange(start: items.first?.range.start ?? start, end: items.last?.range.end ?? start)
        return Expression(.tuple(items, context: .load), range: inner)
    }

    mutating func parseSlice() throws -> Expression {
        let start = currentStart
        var lower: Expression?
        if isOp("*") {
            return try parseStarExpression()
        }
        if !isOp(":") {
            lower = try parseNamedExpression()
            if !isOp(":") {
                return lower ?? Expression(.constant(.none), range: range(from: start))
            }
        }
        advance()
        var upper: Expression?
        var step: Expression?
        if !isOp(":") && !isOp("]") && !isOp(",") {
            upper = try parseExpression()
        }
        if isOp(":") {
            advance()
            if !isOp("]") && !isOp(",") {
                step = try parseExpression()
            }
        }
        return Expression(.slice(lower: lower, upper: upper, step: step), range: range(from: start))
    }

    // MARK: - Comprehensions

    mutating func parseComprehensionClauses() throws -> [Comprehension] {
        var clauses: [Comprehension] = []
        while isKeyword("for") || (isKeyword("async") && peek().kind == .name && peek().text == "for") {
            var isAsync = false
            if isKeyword("async") {
                advance()
                isAsync = true
            }
            advance()
            let target = try parseTargetList(context: .store)
            try expectKeyword("in")
            let iterable = try parseDisjunction()
            var conditions: [Expression] = []
            while isKeyword("if") {
                advance()
                conditions.append(try parseDisjunction())
            }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions, isAsync: isAsync))
        }
        return clauses
    }

    // MARK: - Yield

    mutating func parseYield() throws -> Expression {
        let start = advance().range.start
        if isKeyword("from") {
            advance()
            let value = try parseExpression()
            return Expression(.yieldFrom(value), range: range(from: start))
        }
        if canStartExpression {
            let value = try parseStarExpressions()
            return Expression(.yield(value), range: range(from: start))
        }
        return Expression(.yield(nil), range: range(from: start))
    }

    /// The right-hand side of an assignment: a yield expression or `star_expressions`.
    mutating func parseAssignmentValue() throws -> Expression {
        if isKeyword("yield") {
            return try parseYield()
        }
        return try parseStarExpressions()
    }
}
