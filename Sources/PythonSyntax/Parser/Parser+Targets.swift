extension Parser {
    /// A short description of an expression for "cannot assign to …" messages (CPython's wording).
    static func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .boolean, .binary, .unary: return "expression"
        case .named: return "named expression"
        case .lambda: return "lambda"
        case .conditional: return "conditional expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generator: return "generator expression"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .compare: return "comparison"
        case .call: return "function call"
        case .formattedValue, .joinedString: return "f-string expression"
        case .constant(let constant):
            switch constant {
            case .none: return "None"
            case .bool(let value): return value ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .slice: return "slice"
        }
    }

    /// Turns a parsed expression into an assignment or deletion target, as CPython's parser
    /// does, rejecting what cannot be a target.
    func target(_ expression: Expression, context: ExpressionContext) throws -> Expression {
        let verb = context == .delete ? "delete" : "assign to"
        switch expression.kind {
        case .name(let name, _):
            return Expression(.name(name, context: context), range: expression.range)
        case .attribute(let value, let attribute, _):
            return Expression(.attribute(value: value, attribute: attribute, context: context), range: expression.range)
        case .subscript(let value, let slice, _):
            return Expression(.subscript(value: value, slice: slice, context: context), range: expression.range)
        case .starred(let value, _):
            if context == .delete {
                throw error("cannot delete starred", at: expression.range.start)
            }
            return Expression(.starred(try target(value, context: context), context: context), range: expression.range)
        case .tuple(let elements, _):
            return Expression(.tuple(try elements.map { try target($0, context: context) }, context: context), range: expression.range)
        case .list(let elements, _):
            return Expression(.list(try elements.map { try target($0, context: context) }, context: context), range: expression.range)
        default:
            throw error("cannot \(verb) \(Self.describe(expression))", at: expression.range.start)
        }
    }

    /// `star_targets` of `for` loops and comprehensions: stops before `in`.
    mutating func parseTargetList(context: ExpressionContext) throws -> Expression {
        let start = currentStart
        let first = try parseTargetElement(context: context)
        guard isOp(",") else { return first }
        var elements = [first]
        while isOp(",") {
            advance()
            guard isOp("*") || isOp("(") || isOp("[") || isIdentifier else { break }
            elements.append(try parseTargetElement(context: context))
        }
        return Expression(.tuple(elements, context: context), range: range(from: start))
    }

    mutating func parseTargetElement(context: ExpressionContext) throws -> Expression {
        if isOp("*") {
            let start = advance().range.start
            try enter()
            defer { leave() }
            let inner = try parseTargetElement(context: context)
            return Expression(.starred(inner, context: context), range: range(from: start))
        }
        let primary = try parsePrimary()
        return try target(primary, context: context)
    }

    // MARK: - Parameters

    /// Parameters of a `def` (closing `)`, with annotations) or a `lambda` (closing `:`).
    mutating func parseParameters(closing: String, annotations: Bool) throws -> Arguments {
        var arguments = Arguments()
        var sawDefault = false
        var sawStar = false
        var sawSlash = false
        var sawDoubleStar = false
        while !isOp(closing) {
            if sawDoubleStar {
                throw error("arguments cannot follow var-keyword argument")
            }
            if isOp("/") {
                if sawSlash { throw error("/ may appear only once") }
                if sawStar { throw error("/ must be ahead of *") }
                if arguments.positional.isEmpty { throw error("at least one argument must precede /") }
                advance()
                arguments.positionalOnly = arguments.positional
                arguments.positional = []
                sawSlash = true
            } else if isOp("*") {
                if sawStar { throw error("* argument may appear only once") }
                advance()
                sawStar = true
                if isIdentifier {
                    arguments.variadic = try parseParameter(annotations: annotations, starAnnotation: true)
                } else if !isOp(",") {
                    throw error("named arguments must follow bare *")
                }
            } else if isOp("**") {
                advance()
                arguments.keywordVariadic = try parseParameter(annotations: annotations, starAnnotation: false)
                sawDoubleStar = true
            } else {
                let parameter = try parseParameter(annotations: annotations, starAnnotation: false)
                var defaultValue: Expression?
                if isOp("=") {
                    advance()
                    defaultValue = try parseExpression()
                }
                if sawStar {
                    arguments.keywordOnly.append(parameter)
                    arguments.keywordDefaults.append(defaultValue)
                } else {
                    arguments.positional.append(parameter)
                    if let defaultValue {
                        arguments.defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("non-default argument follows default argument", at: parameter.range.start)
                    }
                }
            }
            if !isOp(",") { break }
            advance()
        }
        if sawStar && arguments.variadic == nil && arguments.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *")
        }
        return arguments
    }

    mutating func parseParameter(annotations: Bool, starAnnotation: Bool) throws -> Parameter {
        let start = currentStart
        let name = try expectIdentifier()
        var annotation: Expression?
        if annotations && isOp(":") {
            advance()
            annotation = starAnnotation && isOp("*") ? try parseStarExpression() : try parseExpression()
        }
        return Parameter(name: name, annotation: annotation, range: range(from: start))
    }

    /// `[T, *Ts, **P, U: bound = default]` after a def, class or type alias name.
    mutating func parseTypeParameters() throws -> [TypeParameter] {
        guard isOp("[") else { return [] }
        advance()
        var parameters: [TypeParameter] = []
        while !isOp("]") {
            let start = currentStart
            var kind = TypeParameter.Kind.typeVar
            if isOp("*") {
                advance()
                kind = .typeVarTuple
            } else if isOp("**") {
                advance()
                kind = .paramSpec
            }
            let name = try expectIdentifier()
            var bound: Expression?
            if kind == .typeVar && isOp(":") {
                advance()
                bound = try parseExpression()
            }
            var defaultValue: Expression?
            if isOp("=") {
                advance()
                defaultValue = kind == .typeVarTuple && isOp("*") ? try parseStarExpression() : try parseExpression()
            }
            parameters.append(TypeParameter(kind: kind, name: name, bound: bound, defaultValue: defaultValue, range: range(from: start)))
            if !isOp(",") { break }
            advance()
        }
        if parameters.isEmpty {
            throw error("type parameter list cannot be empty")
        }
        try expectOp("]")
        return parameters
    }
}
