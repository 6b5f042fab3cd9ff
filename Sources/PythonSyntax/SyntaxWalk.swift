/// Visits every expression under a statement (nested statements, function and class bodies,
/// decorators, defaults and annotations included), parents before children.
public enum SyntaxWalk {
    /// Calls `visit` on each expression under `statement`.
    public static func expressions(in statement: Statement, _ visit: (Expression) -> Void) {
        var stack: [Expression] = []
        collect(statement, into: &stack)
        // Depth first, in source order.
        var work = stack.reversed().map { $0 }
        while let expression = work.popLast() {
            visit(expression)
            var children: [Expression] = []
            collect(expression, into: &children)
            work.append(contentsOf: children.reversed())
        }
    }

    /// Names a `for` statement binds in its target that its iterable does not read: inside
    /// the loop they hold the loop's own values, so they are not inputs of the statement
    /// (`for tree in forest: tree.fit(…)` needs no `tree` from before).
    public static func loopBoundNames(of statement: Statement) -> Set<String> {
        guard case .for(let target, let iterable, _, _, _) = statement.kind else { return [] }
        var bound: Set<String> = []
        var work = [target]
        while let next = work.popLast() {
            switch next.kind {
            case .name(let name, _): bound.insert(name)
            case .tuple(let elements, _), .list(let elements, _): work += elements
            case .starred(let value, _): work.append(value)
            default: break
            }
        }
        var read: Set<String> = []
        var expressions = [iterable]
        while let next = expressions.popLast() {
            if case .name(let name, _) = next.kind { read.insert(name) }
            collect(next, into: &expressions)
        }
        return bound.subtracting(read)
    }

    /// The expressions directly under an expression, appended to `out`.
    public static func children(of expression: Expression, into out: inout [Expression]) {
        collect(expression, into: &out)
    }

    /// The statements nested directly in a statement's blocks (not the statement itself).
    public static func childStatements(of statement: Statement) -> [Statement] {
        switch statement.kind {
        case .functionDef(let function): return function.body
        case .classDef(let definition): return definition.body
        case .for(_, _, let body, let orElse, _), .while(_, let body, let orElse), .if(_, let body, let orElse):
            return body + orElse
        case .with(_, let body, _): return body
        case .match(_, let cases): return cases.flatMap(\.body)
        case .try(let body, let handlers, let orElse, let finally, _):
            return body + handlers.flatMap(\.body) + orElse + finally
        default: return []
        }
    }

    /// The expressions a statement holds directly, plus those of its nested statements.
    private static func collect(_ statement: Statement, into out: inout [Expression]) {
        switch statement.kind {
        case .functionDef(let function):
            out += function.decorators
            out += arguments(function.arguments)
            if let returns = function.returns { out.append(returns) }
        case .classDef(let definition):
            out += definition.decorators + definition.bases + definition.keywords.map(\.value)
        case .return(let value): out += value.map { [$0] } ?? []
        case .delete(let targets): out += targets
        case .assign(let targets, let value): out += targets + [value]
        case .typeAlias(let name, _, let value): out += [name, value]
        case .augmentedAssign(let target, _, let value): out += [target, value]
        case .annotatedAssign(let target, let annotation, let value, _): out += [target, annotation] + (value.map { [$0] } ?? [])
        case .for(let target, let iterable, _, _, _): out += [target, iterable]
        case .while(let test, _, _), .if(let test, _, _): out.append(test)
        case .with(let items, _, _): out += items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }
        case .match(let subject, let cases): out += [subject] + cases.compactMap(\.guardExpression)
        case .raise(let exception, let cause): out += [exception, cause].compactMap { $0 }
        case .try(_, let handlers, _, _, _): out += handlers.compactMap(\.type)
        case .assert(let test, let message): out += [test] + (message.map { [$0] } ?? [])
        case .expression(let value): out.append(value)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue: break
        }
        for child in childStatements(of: statement) {
            collect(child, into: &out)
        }
    }

    private static func arguments(_ arguments: Arguments) -> [Expression] {
        arguments.defaults + arguments.keywordDefaults.compactMap { $0 } + arguments.allParameters.compactMap(\.annotation)
    }

    /// The expressions an expression holds directly.
    private static func collect(_ expression: Expression, into out: inout [Expression]) {
        switch expression.kind {
        case .boolean(_, let values): out += values
        case .named(let target, let value): out += [target, value]
        case .binary(let left, _, let right): out += [left, right]
        case .unary(_, let operand): out.append(operand)
        case .lambda(let parameters, let body): out += arguments(parameters) + [body]
        case .conditional(let test, let body, let orElse): out += [test, body, orElse]
        case .dict(let keys, let values): out += keys.compactMap { $0 } + values
        case .set(let elements): out += elements
        case .listComprehension(let element, let generators), .setComprehension(let element, let generators),
             .generator(let element, let generators):
            out.append(element)
            out += generators.flatMap { [$0.target, $0.iterable] + $0.conditions }
        case .dictComprehension(let key, let value, let generators):
            out += [key, value] + generators.flatMap { [$0.target, $0.iterable] + $0.conditions }
        case .await(let value), .yieldFrom(let value): out.append(value)
        case .yield(let value): out += value.map { [$0] } ?? []
        case .compare(let left, _, let comparators): out += [left] + comparators
        case .call(let function, let positional, let keywords): out += [function] + positional + keywords.map(\.value)
        case .formattedValue(let value, _, let spec): out += [value] + (spec.map { [$0] } ?? [])
        case .joinedString(let parts): out += parts
        case .constant: break
        case .attribute(let value, _, _): out.append(value)
        case .subscript(let value, let slice, _): out += [value, slice]
        case .starred(let value, _): out.append(value)
        case .name: break
        case .list(let elements, _), .tuple(let elements, _): out += elements
        case .slice(let lower, let upper, let step): out += [lower, upper, step].compactMap { $0 }
        }
    }

    /// The dotted name of a callee or attribute chain (`pd.read_csv`, `df.plot.scatter`); a
    /// receiver that is itself a call is skipped (`sm.OLS(y, X).fit` gives `sm.OLS.fit`).
    public static func dottedName(_ expression: Expression) -> String? {
        switch expression.kind {
        case .name(let name, _): return name
        case .attribute(let value, let attribute, _):
            return dottedName(value).map { "\($0).\(attribute)" } ?? attribute
        case .call(let function, _, _): return dottedName(function)
        case .subscript(let value, _, _): return dottedName(value)
        default: return nil
        }
    }

    /// Names that are the target of an augmented assignment (`x += 1`) at module level: reads
    /// for dataflow, although `symtable` counts them only as bindings. Function and class
    /// bodies are not entered (their names are local).
    public static func augmentedNames(in statement: Statement) -> Set<String> {
        var names: Set<String> = []
        var work = [statement]
        while let next = work.popLast() {
            switch next.kind {
            case .functionDef, .classDef: continue
            case .augmentedAssign(let target, _, _):
                if case .name(let name, _) = target.kind { names.insert(name) }
            default: break
            }
            work += childStatements(of: next)
        }
        return names
    }
}
