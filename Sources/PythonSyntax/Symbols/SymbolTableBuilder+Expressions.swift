extension SymbolTableBuilder {
    /// Methods that change their receiver in place.
    static let mutatingMethods: Set<String> = [
        "append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update",
        "setdefault", "add", "discard", "popitem", "fit", "partial_fit", "set_params",
        "fit_transform", "fit_predict", "load_state_dict", "train", "compile",
    ]

    /// Receivers that are almost always modules: `np.append(a, x)` returns a new array.
    static let moduleLikeNames: Set<String> = [
        "np", "numpy", "jnp", "jax", "torch", "tf", "tensorflow", "pd", "pandas", "math",
        "operator", "re", "regex", "os", "heapq", "bisect", "itertools", "functools", "string",
        "scipy", "sp", "cv2", "K", "keras",
    ]

    /// Calls that shuffle their first argument in place.
    static let shufflingFunctions: Set<String> = ["random.shuffle", "np.random.shuffle", "numpy.random.shuffle"]

    func visit(_ expressions: [Expression]) {
        for expression in expressions {
            visit(expression)
        }
    }

    func visit(_ expression: Expression?) {
        guard let expression else { return }
        visitExpression(expression)
    }

    /// Dispatches without binding payloads, so the recursive frame stays small even in a
    /// debug build; each helper binds only its own cases.
    func visitExpression(_ expression: Expression) {
        switch expression.kind {
        case .name:
            visitName(expression)
        case .attribute, .subscript, .starred, .slice:
            visitAccess(expression)
        case .call:
            visitCall(expression)
        case .boolean, .binary, .unary, .compare, .conditional, .await:
            visitOperator(expression)
        case .list, .tuple, .set, .dict, .joinedString, .formattedValue, .constant:
            visitDisplay(expression)
        case .generator, .listComprehension, .setComprehension, .dictComprehension:
            visitComprehensionExpression(expression)
        case .named, .lambda, .yield, .yieldFrom:
            visitScoped(expression)
        }
    }

    func visitName(_ expression: Expression) {
        guard case .name(let name, let context) = expression.kind else { return }
        let position = expression.range.start
        addDef(name, context == .load ? SymbolFlags.use : SymbolFlags.local, at: position)
        if context == .load && current.kind == .function && name == "super" {
            addDef("__class__", SymbolFlags.use, at: position)
        }
    }

    func visitAccess(_ expression: Expression) {
        switch expression.kind {
        case .attribute:
            visitAttribute(expression)
        case .subscript:
            visitSubscript(expression)
        case .starred(let value, _):
            visitExpression(value)
        case .slice(let lower, let upper, let step):
            visit(lower)
            visit(upper)
            visit(step)
        default:
            break
        }
    }

    func visitAttribute(_ expression: Expression) {
        guard case .attribute(let value, _, let context) = expression.kind else { return }
        visitExpression(value)
        if context != .load { recordMutation(of: value) }
    }

    func visitSubscript(_ expression: Expression) {
        guard case .subscript(let value, let slice, let context) = expression.kind else { return }
        visitExpression(value)
        visitExpression(slice)
        if context != .load { recordMutation(of: value) }
    }

    func visitCall(_ expression: Expression) {
        guard case .call(let function, let arguments, let keywords) = expression.kind else { return }
        visitExpression(function)
        visit(arguments)
        for keyword in keywords { visitExpression(keyword.value) }
        recordCall(function: function, arguments: arguments, keywords: keywords)
    }

    func visitOperator(_ expression: Expression) {
        switch expression.kind {
        case .unary:
            visitUnary(expression)
        case .binary:
            visitBinary(expression)
        case .await:
            visitAwait(expression)
        case .boolean(_, let values):
            visit(values)
        case .compare(let left, _, let comparators):
            visitExpression(left)
            visit(comparators)
        case .conditional(let test, let body, let orElse):
            visitExpression(test)
            visitExpression(body)
            visitExpression(orElse)
        default:
            break
        }
    }

    func visitUnary(_ expression: Expression) {
        guard case .unary(_, let operand) = expression.kind else { return }
        visitExpression(operand)
    }

    func visitBinary(_ expression: Expression) {
        guard case .binary(let left, _, let right) = expression.kind else { return }
        visitExpression(left)
        visitExpression(right)
    }

    func visitAwait(_ expression: Expression) {
        guard case .await(let value) = expression.kind else { return }
        visitExpression(value)
    }

    func visitDisplay(_ expression: Expression) {
        switch expression.kind {
        case .list(let elements, _), .tuple(let elements, _), .set(let elements), .joinedString(let elements):
            visit(elements)
        case .dict(let keys, let values):
            for key in keys { visit(key) }
            visit(values)
        case .formattedValue(let value, _, let spec):
            visitExpression(value)
            visit(spec)
        default:
            break
        }
    }

    func visitComprehensionExpression(_ expression: Expression) {
        switch expression.kind {
        case .generator(let element, let generators):
            visitComprehension("generator expression", generators, element: element, value: nil)
        case .listComprehension(let element, let generators):
            visitComprehension("list comprehension", generators, element: element, value: nil)
        case .setComprehension(let element, let generators):
            visitComprehension("set comprehension", generators, element: element, value: nil)
        case .dictComprehension(let key, let value, let generators):
            visitComprehension("dict comprehension", generators, element: key, value: value)
        default:
            break
        }
    }

    func visitScoped(_ expression: Expression) {
        let position = expression.range.start
        switch expression.kind {
        case .named(let target, let value):
            if current.iterableExpressionDepth > 0 {
                report("assignment expression cannot be used in a comprehension iterable expression", at: position)
            }
            if current.isComprehension, case .name(let name, _) = target.kind {
                extendNamedExpressionScope(name, at: target.range.start)
            }
            visitExpression(value)
            visitExpression(target)
        case .lambda(let arguments, let body):
            visit(arguments.defaults)
            for value in arguments.keywordDefaults { visit(value) }
            enter(.function)
            visitParameters(arguments)
            visitExpression(body)
            exit()
        case .yield(let value):
            visit(value)
            if current.isComprehension {
                report("'yield' inside \(current.comprehensionKind)", at: position)
            }
        case .yieldFrom(let value):
            visitExpression(value)
            if current.isComprehension {
                report("'yield' inside \(current.comprehensionKind)", at: position)
            }
        default:
            break
        }
    }

    /// The outermost iterable is evaluated in the enclosing scope; the rest in a new
    /// function-like scope whose implicit argument is `.0`.
    func visitComprehension(_ kind: String, _ generators: [Comprehension], element: Expression, value: Expression?) {
        guard let outermost = generators.first else { return }
        current.iterableExpressionDepth += 1
        visit(outermost.iterable)
        current.iterableExpressionDepth -= 1
        enter(.function, comprehension: kind)
        addDef(".0", SymbolFlags.parameter, at: outermost.iterable.range.start)
        current.iteratorTarget = true
        visit(outermost.target)
        current.iteratorTarget = false
        visit(outermost.conditions)
        for generator in generators.dropFirst() {
            current.iteratorTarget = true
            visit(generator.target)
            current.iteratorTarget = false
            current.iterableExpressionDepth += 1
            visit(generator.iterable)
            current.iterableExpressionDepth -= 1
            visit(generator.conditions)
        }
        visit(value)
        visit(element)
        exit()
    }

    /// PEP 572: a walrus in a comprehension binds in the nearest enclosing non-comprehension scope.
    func extendNamedExpressionScope(_ name: String, at position: SourcePosition) {
        let mangled = mangle(name)
        for scope in stack.reversed() {
            if scope.isComprehension {
                if (scope.symbols[mangled] ?? 0) & SymbolFlags.comprehensionIterator != 0 {
                    report("assignment expression cannot rebind comprehension iteration variable '\(name)'", at: position)
                }
                continue
            }
            switch scope.kind {
            case .function, .typeParameters:
                let flags = scope.symbols[mangled] ?? 0
                addDef(name, flags & SymbolFlags.global != 0 ? SymbolFlags.global : SymbolFlags.nonlocal, at: position)
                current.directives[mangled] = position
                addDef(name, SymbolFlags.local, at: position, in: scope)
                return
            case .module:
                addDef(name, SymbolFlags.global, at: position)
                current.directives[mangled] = position
                addDef(name, SymbolFlags.global, at: position, in: scope)
                return
            case .classBody:
                report("assignment expression within a comprehension cannot be used in a class body", at: position)
                return
            }
        }
    }

    func recordCall(function: Expression, arguments: [Expression], keywords: [Keyword]) {
        if let name = Self.dottedName(function) {
            calls.append((name, statement))
            if Self.shufflingFunctions.contains(name), let first = arguments.first, case .name = first.kind {
                recordMutation(of: first)
            }
        }
        guard case .attribute(let receiver, let method, _) = function.kind else { return }
        let inPlace = keywords.contains { keyword in
            if keyword.name == "inplace", case .constant(.bool(true)) = keyword.value.kind { return true }
            return false
        }
        if inPlace {
            recordMutation(of: receiver)
            return
        }
        guard Self.mutatingMethods.contains(method) else { return }
        if case .name(let name, _) = receiver.kind, Self.moduleLikeNames.contains(name) || moduleAliases.contains(name) {
            return
        }
        recordMutation(of: receiver)
    }
}
