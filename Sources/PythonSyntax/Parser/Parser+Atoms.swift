extension Parser {
    mutating func parseAtom() throws -> Expression {
        let token = current
        switch token.kind {
        case .name:
            switch token.text {
            case "None":
                advance()
                return Expression(.constant(.none), range: token.range)
            case "True", "False":
                advance()
                return Expression(.constant(.bool(token.text == "True")), range: token.range)
            default:
                guard isIdentifier else { throw invalidSyntax() }
                advance()
                return Expression(.name(token.text, context: .load), range: token.range)
            }
        case .number:
            advance()
            return Expression(.constant(.number(token.text)), range: token.range)
        case .string, .fstringStart:
            return try parseStrings()
        case .op:
            switch token.text {
            case "(": return try parseParenthesised()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...":
                advance()
                return Expression(.constant(.ellipsis), range: token.range)
            default:
                throw invalidSyntax()
            }
        default:
            throw invalidSyntax()
        }
    }

    // MARK: - Strings

    static func isBytesLiteral(_ text: String) -> Bool {
        for character in text {
            if character == "'" || character == "\"" { return false }
            if character == "b" || character == "B" { return true }
        }
        return false
    }

    mutating func parseStrings() throws -> Expression {
        let start = currentStart
        var parts: [Expression] = []
        var texts: [String] = []
        var sawFString = false
        var sawBytes = false
        var sawText = false
        while currentKind == .string || currentKind == .fstringStart {
            if currentKind == .string {
                let token = advance()
                if Self.isBytesLiteral(token.text) { sawBytes = true } else { sawText = true }
                texts.append(token.text)
                parts.append(Expression(.constant(.string(token.text)), range: token.range))
            } else {
                sawFString = true
                sawText = true
                parts.append(contentsOf: try parseFString())
            }
        }
        if sawBytes && sawText {
            throw error("cannot mix bytes and nonbytes literals", at: start)
        }
        let whole = range(from: start)
        if sawFString {
            return Expression(.joinedString(parts), range: whole)
        }
        let text = texts.joined(separator: " ")
        return Expression(.constant(sawBytes ? .bytes(text) : .string(text)), range: whole)
    }

    /// The parts of one f-string: literal text and replacement fields.
    mutating func parseFString() throws -> [Expression] {
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        advance()
        var parts: [Expression] = []
        while true {
            switch currentKind {
            case .fstringMiddle:
                let token = advance()
                parts.append(Expression(.constant(.string(token.text)), range: token.range))
            case .fstringEnd:
                advance()
                return parts
            case .op where currentText == "{":
                parts.append(try parseReplacementField())
            default:
                throw error("f-string: expecting '}'")
            }
        }
    }

    mutating func parseReplacementField() throws -> Expression {
        let start = advance().range.start
        if isOp("}") || isOp("!") || isOp(":") || isOp("=") {
            throw error("f-string: valid expression required before '\(currentText)'")
        }
        let value = isKeyword("yield") ? try parseYield() : try parseStarExpressions()
        if isOp("=") {
            advance()
        }
        var conversion: Character?
        if isOp("!") {
            advance()
            guard currentKind == .name, ["r", "s", "a"].contains(currentText), let first = currentText.first else {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = first
            advance()
        }
        var spec: Expression?
        if isOp(":") {
            let specStart = advance().range.start
            var specParts: [Expression] = []
            while !isOp("}") {
                if currentKind == .fstringMiddle {
                    let token = advance()
                    specParts.append(Expression(.constant(.string(token.text)), range: token.range))
                } else if isOp("{") {
                    try enter()
                    specParts.append(try parseReplacementField())
                    leave()
                } else {
                    throw error("f-string: expecting '}'")
                }
            }
            spec = Expression(.joinedString(specParts), range: range(from: specStart))
        }
        guard isOp("}") else {
            throw error("f-string: expecting '}'")
        }
        advance()
        return Expression(.formattedValue(value: value, conversion: conversion, formatSpec: spec), range: range(from: start))
    }

    // MARK: - Displays

    mutating func parseParenthesised() throws -> Expression {
        let start = advance().range.start
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        if isOp(")") {
            advance()
            return Expression(.tuple([], context: .load), range: range(from: start))
        }
        if isKeyword("yield") {
            let value = try parseYield()
            try expectOp(")")
            return value
        }
        let first = try parseStarNamedExpression()
        if isKeyword("for") || isKeyword("async") {
            let generators = try parseComprehensionClauses()
            try expectOp(")")
            return Expression(.generator(element: first, generators: generators), range: range(from: start))
        }
        if isOp(")") {
            advance()
            if case .starred = first.kind {
                throw error("cannot use starred expression here", at: first.range.start)
            }
            return first
        }
        guard isOp(",") else { throw invalidSyntax() }
        var elements = [first]
        while isOp(",") {
            advance()
            if isOp(")") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectOp(")")
        return Expression(.tuple(elements, context: .load), range: range(from: start))
    }

    mutating func parseListDisplay() throws -> Expression {
        let start = advance().range.start
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        if isOp("]") {
            advance()
            return Expression(.list([], context: .load), range: range(from: start))
        }
        let first = try parseStarNamedExpression()
        if isKeyword("for") || isKeyword("async") {
            let generators = try parseComprehensionClauses()
            try expectOp("]")
            return Expression(.listComprehension(element: first, generators: generators), range: range(from: start))
        }
        var elements = [first]
        while isOp(",") {
            advance()
            if isOp("]") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectOp("]")
        return Expression(.list(elements, context: .load), range: range(from: start))
    }

    mutating func parseBraceDisplay() throws -> Expression {
        let start = advance().range.start
        try enter(cost: Self.bracketCost)
        defer { leave(cost: Self.bracketCost) }
        if isOp("}") {
            advance()
            return Expression(.dict(keys: [], values: []), range: range(from: start))
        }
        if isOp("**") {
            return try parseDictRest(start: start, keys: [], values: [])
        }
        let first = try parseStarNamedExpression()
        if isOp(":") {
            advance()
            let value = try parseExpression()
            if isKeyword("for") || isKeyword("async") {
                let generators = try parseComprehensionClauses()
                try expectOp("}")
                return Expression(.dictComprehension(key: first, value: value, generators: generators), range: range(from: start))
            }
            if isOp(",") {
                advance()
                return try parseDictRest(start: start, keys: [first], values: [value])
            }
            try expectOp("}")
            return Expression(.dict(keys: [first], values: [value]), range: range(from: start))
        }
        if isKeyword("for") || isKeyword("async") {
            let generators = try parseComprehensionClauses()
            try expectOp("}")
            return Expression(.setComprehension(element: first, generators: generators), range: range(from: start))
        }
        var elements = [first]
        while isOp(",") {
            advance()
            if isOp("}") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectOp("}")
        return Expression(.set(elements), range: range(from: start))
    }

    mutating func parseDictRest(start: SourcePosition, keys: [Expression?], values: [Expression]) throws -> Expression {
        var keys = keys
        var values = values
        while !isOp("}") {
            if isOp("**") {
                advance()
                keys.append(nil)
                values.append(try parseBitwiseOr())
            } else {
                keys.append(try parseExpression())
                try expectOp(":")
                values.append(try parseExpression())
            }
            if !isOp(",") { break }
            advance()
        }
        try expectOp("}")
        return Expression(.dict(keys: keys, values: values), range: range(from: start))
    }
}
