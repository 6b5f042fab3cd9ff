extension Parser {
    mutating func parseDecorated() throws -> Statement {
        let start = currentStart
        var decorators: [Expression] = []
        while isOp("@") {
            advance()
            decorators.append(try parseNamedExpression())
            guard currentKind == .newline else { throw invalidSyntax() }
            advance()
        }
        guard isKeyword("def") || isKeyword("class") || (isKeyword("async") && peek().text == "def") else {
            throw invalidSyntax()
        }
        return try parseCompoundStatement(decorators: decorators, start: start)
    }

    mutating func parseCompoundStatement(decorators: [Expression], start: SourcePosition) throws -> Statement {
        let keywordToken = current
        switch keywordToken.text {
        case "def":
            return try parseFunction(decorators: decorators, start: start, isAsync: false)
        case "class":
            return try parseClass(decorators: decorators, start: start)
        case "if":
            return try parseIf()
        case "while":
            advance()
            let test = try parseNamedExpression()
            let body = try parseBlock(after: "'while' statement", keyword: keywordToken)
            let orElse = try parseElse()
            return Statement(.while(test: test, body: body, orElse: orElse), range: range(from: start))
        case "for":
            return try parseFor(start: start, isAsync: false)
        case "try":
            return try parseTry()
        case "with":
            return try parseWith(start: start, isAsync: false)
        case "async":
            advance()
            switch currentText {
            case "def": return try parseFunction(decorators: decorators, start: start, isAsync: true)
            case "for": return try parseFor(start: start, isAsync: true)
            default: return try parseWith(start: start, isAsync: true)
            }
        default:
            throw invalidSyntax()
        }
    }

    /// `':' block` after a compound statement header.
    mutating func parseBlock(after what: String, keyword: Token) throws -> [Statement] {
        try expectOp(":")
        guard currentKind == .newline else {
            if currentKind == .endOfFile {
                throw error("expected an indented block after \(what) on line \(keyword.range.start.line)")
            }
            return try parseSimpleStatements()
        }
        advance()
        guard currentKind == .indent else {
            throw error("expected an indented block after \(what) on line \(keyword.range.start.line)")
        }
        advance()
        var body: [Statement] = []
        while currentKind != .dedent && currentKind != .endOfFile {
            body.append(contentsOf: try parseStatement())
        }
        if currentKind == .dedent { advance() }
        return body
    }

    mutating func parseElse() throws -> [Statement] {
        guard isKeyword("else") else { return [] }
        let keyword = advance()
        return try parseBlock(after: "'else' statement", keyword: keyword)
    }

    mutating func parseFunction(decorators: [Expression], start: SourcePosition, isAsync: Bool) throws -> Statement {
        let keyword = advance()
        let name = try expectIdentifier()
        let typeParameters = try parseTypeParameters()
        try expectOp("(")
        let arguments = try parseParameters(closing: ")", annotations: true)
        try expectOp(")")
        var returns: Expression?
        if isOp("->") {
            advance()
            returns = try parseExpression()
        }
        let body = try parseBlock(after: "function definition", keyword: keyword)
        let definition = FunctionDefinition(
            name: name, typeParameters: typeParameters, arguments: arguments, returns: returns,
            body: body, decorators: decorators, isAsync: isAsync)
        return Statement(.functionDef(definition), range: range(from: start))
    }

    mutating func parseClass(decorators: [Expression], start: SourcePosition) throws -> Statement {
        let keyword = advance()
        let name = try expectIdentifier()
        let typeParameters = try parseTypeParameters()
        var bases: [Expression] = []
        var keywords: [Keyword] = []
        if isOp("(") {
            (bases, keywords) = try parseCallArguments()
        }
        let body = try parseBlock(after: "class definition", keyword: keyword)
        let definition = ClassDefinition(
            name: name, typeParameters: typeParameters, bases: bases, keywords: keywords,
            body: body, decorators: decorators)
        return Statement(.classDef(definition), range: range(from: start))
    }

    mutating func parseIf() throws -> Statement {
        try enter(cost: 2)
        defer { leave(cost: 2) }
        let keyword = advance()
        let start = keyword.range.start
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'\(keyword.text)' statement", keyword: keyword)
        var orElse: [Statement] = []
        if isKeyword("elif") {
            orElse = [try parseIf()]
        } else {
            orElse = try parseElse()
        }
        return Statement(.if(test: test, body: body, orElse: orElse), range: range(from: start))
    }

    mutating func parseFor(start: SourcePosition, isAsync: Bool) throws -> Statement {
        let keyword = advance()
        let afterKeyword = index
        let target: Expression
        do {
            target = try parseTargetList(context: .store)
            guard isKeyword("in") else { throw invalidSyntax() }
        } catch let failure as ParseError {
            throw invalidForTarget(from: afterKeyword) ?? failure
        }
        try expectKeyword("in")
        let iterable = try parseStarExpressions()
        let body = try parseBlock(after: "'for' statement", keyword: keyword)
        let orElse = try parseElse()
        return Statement(.for(target: target, iterable: iterable, body: body, orElse: orElse, isAsync: isAsync), range: range(from: start))
    }

    /// CPython's `invalid_for_target`: re-reads the target as an expression to name what
    /// cannot be assigned to (`for a + 1 in x` → `cannot assign to expression`).
    mutating func invalidForTarget(from start: Int) -> ParseError? {
        let saved = index
        let savedDepth = depth
        defer {
            index = saved
            depth = savedDepth
        }
        index = start
        guard var expression = try? parseStarExpressions() else { return nil }
        if case .compare(let left, let ops, _) = expression.kind, ops.first == "in" {
            expression = left
        }
        guard let invalid = Self.invalidTarget(expression) else { return nil }
        return error("cannot assign to \(Self.describe(invalid))", at: invalid.range.start)
    }

    static func invalidTarget(_ expression: Expression) -> Expression? {
        switch expression.kind {
        case .name, .attribute, .subscript:
            return nil
        case .starred(let value, _):
            return invalidTarget(value)
        case .tuple(let elements, _), .list(let elements, _):
            return elements.lazy.compactMap { invalidTarget($0) }.first
        default:
            return expression
        }
    }

    mutating func parseTry() throws -> Statement {
        let keyword = advance()
        let start = keyword.range.start
        let body = try parseBlock(after: "'try' statement", keyword: keyword)
        var handlers: [ExceptHandler] = []
        var isStar = false
        var sawPlain = false
        while isKeyword("except") {
            let exceptToken = advance()
            if isOp("*") {
                advance()
                isStar = true
                if isOp(":") {
                    throw error("expected one or more exception types")
                }
            } else {
                sawPlain = true
            }
            if isStar && sawPlain {
                throw error("cannot have both 'except' and 'except*' on the same 'try'", at: exceptToken)
            }
            var type: Expression?
            var name: String?
            if !isOp(":") {
                type = try parseExpression()
                if isOp(",") {
                    throw error("multiple exception types must be parenthesized", at: type?.range.start ?? currentStart)
                }
                if isKeyword("as") {
                    advance()
                    name = try expectIdentifier()
                }
            }
            let handlerBody = try parseBlock(after: "'except' statement", keyword: exceptToken)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, range: range(from: exceptToken.range.start)))
        }
        let orElse = handlers.isEmpty ? [] : try parseElse()
        var finalBody: [Statement] = []
        if isKeyword("finally") {
            let finallyToken = advance()
            finalBody = try parseBlock(after: "'finally' statement", keyword: finallyToken)
        }
        if handlers.isEmpty && finalBody.isEmpty {
            throw error("expected 'except' or 'finally' block")
        }
        return Statement(.try(body: body, handlers: handlers, orElse: orElse, finally: finalBody, isStar: isStar), range: range(from: start))
    }

    mutating func parseWith(start: SourcePosition, isAsync: Bool) throws -> Statement {
        let keyword = advance()
        var items: [WithItem]
        if isOp("(") {
            let saved = index
            let savedDepth = depth
            if let parenthesised = try? parseParenthesisedWithItems(), isOp(":") {
                items = parenthesised
            } else {
                index = saved
                depth = savedDepth
                items = try parseWithItems()
            }
        } else {
            items = try parseWithItems()
        }
        let body = try parseBlock(after: "'with' statement", keyword: keyword)
        return Statement(.with(items: items, body: body, isAsync: isAsync), range: range(from: start))
    }

    mutating func parseParenthesisedWithItems() throws -> [WithItem] {
        advance()
        var items: [WithItem] = []
        while !isOp(")") {
            items.append(try parseWithItem())
            if !isOp(",") { break }
            advance()
        }
        try expectOp(")")
        if items.isEmpty { throw invalidSyntax() }
        return items
    }

    mutating func parseWithItems() throws -> [WithItem] {
        var items = [try parseWithItem()]
        while isOp(",") {
            advance()
            items.append(try parseWithItem())
        }
        return items
    }

    mutating func parseWithItem() throws -> WithItem {
        let context = try parseExpression()
        var target: Expression?
        if isKeyword("as") {
            advance()
            target = try parseTargetElement(context: .store)
        }
        return WithItem(context: context, target: target)
    }
}
