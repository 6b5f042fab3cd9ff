extension Parser {
    static let augmentedOperators: Set<String> = [
        "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
    ]

    /// One logical line of simple statements, or one compound statement.
    mutating func parseStatement() throws -> [Statement] {
        try enter()
        defer { leave() }
        if currentKind == .indent {
            throw error("unexpected indent")
        }
        if isOp("@") {
            return [try parseDecorated()]
        }
        if currentKind == .name {
            switch currentText {
            case "def", "class", "if", "while", "for", "try", "with":
                return [try parseCompoundStatement(decorators: [], start: currentStart)]
            case "async" where peek().kind == .name && ["def", "for", "with"].contains(peek().text):
                return [try parseCompoundStatement(decorators: [], start: currentStart)]
            case "match":
                if let statement = try parseMatchIfPresent() {
                    return [statement]
                }
            default:
                break
            }
        }
        return try parseSimpleStatements()
    }

    mutating func parseSimpleStatements() throws -> [Statement] {
        var statements = [try parseSimpleStatement()]
        if let first = statements.first, case .expression(let expression) = first.kind,
           case .name(let name, _) = expression.kind, name == "print" || name == "exec",
           canStartExpression, currentStart.line == first.range.start.line {
            throw error("missing parentheses in call to '\(name)', did you mean \(name)(...)", at: first.range.start)
        }
        while isOp(";") {
            advance()
            if currentKind == .newline || currentKind == .endOfFile { break }
            statements.append(try parseSimpleStatement())
        }
        if currentKind == .newline {
            advance()
        } else if currentKind != .endOfFile {
            throw invalidSyntax()
        }
        return statements
    }

    mutating func parseSimpleStatement() throws -> Statement {
        let start = currentStart
        if currentKind == .name {
            switch currentText {
            case "pass":
                advance()
                return Statement(.pass, range: range(from: start))
            case "break":
                advance()
                return Statement(.break, range: range(from: start))
            case "continue":
                advance()
                return Statement(.continue, range: range(from: start))
            case "return":
                advance()
                let value = canStartExpression ? try parseStarExpressions() : nil
                return Statement(.return(value), range: range(from: start))
            case "raise":
                advance()
                var exception: Expression?
                var cause: Expression?
                if canStartExpression {
                    exception = try parseExpression()
                    if isKeyword("from") {
                        advance()
                        cause = try parseExpression()
                    }
                }
                return Statement(.raise(exception: exception, cause: cause), range: range(from: start))
            case "global", "nonlocal":
                let keyword = advance().text
                var names = [try expectIdentifier()]
                while isOp(",") {
                    advance()
                    names.append(try expectIdentifier())
                }
                return Statement(keyword == "global" ? .global(names) : .nonlocal(names), range: range(from: start))
            case "del":
                advance()
                let targets = try parseDeleteTargets()
                return Statement(.delete(targets), range: range(from: start))
            case "assert":
                advance()
                let test = try parseExpression()
                var message: Expression?
                if isOp(",") {
                    advance()
                    message = try parseExpression()
                }
                return Statement(.assert(test: test, message: message), range: range(from: start))
            case "import":
                return try parseImport()
            case "from":
                return try parseFromImport()
            case "type" where peek().kind == .name && peek(2).kind == .op && (peek(2).text == "=" || peek(2).text == "["):
                return try parseTypeAlias()
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    mutating func parseDeleteTargets() throws -> [Expression] {
        var targets: [Expression] = []
        repeat {
            if !targets.isEmpty { advance() }
            if currentKind == .newline || currentKind == .endOfFile || isOp(";") { break }
            let expression = try parseBitwiseOr()
            targets.append(try target(expression, context: .delete))
        } while isOp(",")
        if targets.isEmpty { throw invalidSyntax() }
        return targets
    }

    mutating func parseExpressionStatement() throws -> Statement {
        let start = currentStart
        let parenthesised = isOp("(")
        let first = try parseAssignmentValue()
        if isOp("=") {
            var items = [first]
            while isOp("=") {
                advance()
                items.append(try parseAssignmentValue())
            }
            guard let value = items.popLast() else { throw invalidSyntax() }
            let targets = try items.map { item in
                switch item.kind {
                case .name, .attribute, .subscript, .starred, .tuple, .list, .constant(.none), .constant(.bool), .constant(.ellipsis):
                    return try target(item, context: .store)
                default:
                    throw error("cannot assign to \(Self.describe(item)) here, maybe you meant '==' instead of '='", at: item.range.start)
                }
            }
            return Statement(.assign(targets: targets, value: value), range: range(from: start))
        }
        if isOp(":") {
            switch first.kind {
            case .name, .attribute, .subscript:
                break
            case .tuple:
                throw error("only single target (not tuple) can be annotated", at: first.range.start)
            case .list:
                throw error("only single target (not list) can be annotated", at: first.range.start)
            default:
                throw error("illegal target for annotation", at: first.range.start)
            }
            advance()
            let annotation = try parseExpression()
            var value: Expression?
            if isOp("=") {
                advance()
                value = try parseAssignmentValue()
            }
            var simple = false
            if case .name = first.kind, !parenthesised { simple = true }
            let stored = try target(first, context: .store)
            return Statement(.annotatedAssign(target: stored, annotation: annotation, value: value, simple: simple), range: range(from: start))
        }
        if currentKind == .op && Self.augmentedOperators.contains(currentText) {
            switch first.kind {
            case .name, .attribute, .subscript:
                break
            default:
                throw error("'\(Self.describe(first))' is an illegal expression for augmented assignment", at: first.range.start)
            }
            let op = String(advance().text.dropLast())
            let value = try parseAssignmentValue()
            let stored = try target(first, context: .store)
            return Statement(.augmentedAssign(target: stored, op: op, value: value), range: range(from: start))
        }
        return Statement(.expression(first), range: range(from: start))
    }

    // MARK: - Imports

    mutating func parseDottedName() throws -> String {
        var name = try expectIdentifier()
        while isOp(".") {
            advance()
            name += "." + (try expectIdentifier())
        }
        return name
    }

    mutating func parseImport() throws -> Statement {
        let start = advance().range.start
        var aliases: [Alias] = []
        repeat {
            if !aliases.isEmpty { advance() }
            let aliasStart = currentStart
            let name = try parseDottedName()
            var asName: String?
            if isKeyword("as") {
                advance()
                asName = try expectIdentifier()
            }
            aliases.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
        } while isOp(",")
        return Statement(.import(aliases), range: range(from: start))
    }

    mutating func parseFromImport() throws -> Statement {
        let start = advance().range.start
        var level = 0
        while isOp(".") || isOp("...") {
            level += advance().text.count
        }
        var module: String?
        if !isKeyword("import") {
            module = try parseDottedName()
        }
        try expectKeyword("import")
        var aliases: [Alias] = []
        if isOp("*") {
            let token = advance()
            aliases.append(Alias(name: "*", asName: nil, range: token.range))
        } else {
            let parenthesised = isOp("(")
            if parenthesised { advance() }
            repeat {
                if !aliases.isEmpty {
                    advance()
                    if parenthesised && isOp(")") { break }
                }
                let aliasStart = currentStart
                let name = try expectIdentifier()
                var asName: String?
                if isKeyword("as") {
                    advance()
                    asName = try expectIdentifier()
                }
                aliases.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
            } while isOp(",")
            if parenthesised {
                try expectOp(")")
            } else if aliases.isEmpty {
                throw invalidSyntax()
            }
        }
        if aliases.isEmpty { throw invalidSyntax() }
        return Statement(.importFrom(module: module, names: aliases, level: level), range: range(from: start))
    }

    mutating func parseTypeAlias() throws -> Statement {
        let start = advance().range.start
        let nameToken = current
        let name = try expectIdentifier()
        let parameters = try parseTypeParameters()
        try expectOp("=")
        let value = try parseExpression()
        let nameExpression = Expression(.name(name, context: .store), range: nameToken.range)
        return Statement(.typeAlias(name: nameExpression, typeParameters: parameters, value: value), range: range(from: start))
    }
}
