extension SymbolTableBuilder {
    func visit(_ statements: [Statement]) {
        for statement in statements {
            visit(statement)
        }
    }

    /// Dispatches without binding payloads, so the recursive frame stays small.
    func visit(_ statement: Statement) {
        switch statement.kind {
        case .functionDef, .classDef, .typeAlias:
            visitDefinition(statement)
        case .for, .while, .if, .with, .match, .try:
            visitBlock(statement)
        case .global, .nonlocal:
            visitDirective(statement)
        default:
            visitSimple(statement)
        }
    }

    func visitDefinition(_ statement: Statement) {
        let position = statement.range.start
        switch statement.kind {
        case .functionDef(let function):
            visitFunction(function, at: position)
        case .classDef(let definition):
            visitClass(definition, at: position)
        case .typeAlias(let name, let parameters, let value):
            visit(name)
            if !parameters.isEmpty {
                enter(.typeParameters)
                visitTypeParameters(parameters)
            }
            enter(.function)
            visit(value)
            exit()
            if !parameters.isEmpty { exit() }
        default:
            break
        }
    }

    func visitSimple(_ statement: Statement) {
        switch statement.kind {
        case .return(let value):
            visit(value)
        case .delete(let targets):
            visit(targets)
        case .assign(let targets, let value):
            visit(targets)
            visit(value)
        case .augmentedAssign(let target, _, let value):
            visit(target)
            visit(value)
        case .annotatedAssign(let target, let annotation, let value, let simple):
            if case .name(let name, _) = target.kind {
                let flags = lookup(name)
                if flags & (SymbolFlags.global | SymbolFlags.nonlocal) != 0 && current !== module && simple {
                    let kind = flags & SymbolFlags.global != 0 ? "global" : "nonlocal"
                    report("annotated name '\(name)' can't be \(kind)", at: target.range.start)
                }
                if simple {
                    addDef(name, SymbolFlags.annotated | SymbolFlags.local, at: target.range.start)
                } else if value != nil {
                    addDef(name, SymbolFlags.local, at: target.range.start)
                }
            } else {
                visit(target)
            }
            visitAnnotation(annotation)
            visit(value)
        case .raise(let exception, let cause):
            visit(exception)
            visit(cause)
        case .assert(let test, let message):
            visit(test)
            visit(message)
        case .import(let aliases):
            for alias in aliases {
                imports.append((ImportFact(module: alias.name, name: nil, alias: alias.asName), self.statement))
                visitAlias(alias)
            }
        case .importFrom(let moduleName, let aliases, let level):
            let module = String(repeating: ".", count: level) + (moduleName ?? "")
            for alias in aliases {
                imports.append((ImportFact(module: module, name: alias.name, alias: alias.asName), self.statement))
                visitAlias(alias)
            }
        case .expression(let expression):
            visit(expression)
        default:
            break
        }
    }

    func visitBlock(_ statement: Statement) {
        switch statement.kind {
        case .for(let target, let iterable, let body, let orElse, _):
            visit(target)
            visit(iterable)
            visit(body)
            visit(orElse)
        case .while(let test, let body, let orElse), .if(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .with(let items, let body, _):
            for item in items {
                visit(item.context)
                visit(item.target)
            }
            visit(body)
        case .match(let subject, let cases):
            visit(subject)
            for matchCase in cases {
                visit(matchCase.pattern)
                visit(matchCase.guardExpression)
                visit(matchCase.body)
            }
        case .try(let body, let handlers, let orElse, let finalBody, _):
            visit(body)
            visit(orElse)
            for handler in handlers {
                visit(handler.type)
                if let name = handler.name {
                    addDef(name, SymbolFlags.local, at: handler.range.start)
                }
                visit(handler.body)
            }
            visit(finalBody)
        default:
            break
        }
    }

    func visitDirective(_ statement: Statement) {
        let position = statement.range.start
        switch statement.kind {
        case .global(let names):
            for name in names {
                let flags = lookup(name)
                if flags & (SymbolFlags.parameter | SymbolFlags.local | SymbolFlags.use | SymbolFlags.annotated) != 0 {
                    let message: String
                    if flags & SymbolFlags.parameter != 0 {
                        message = "name '\(name)' is parameter and global"
                    } else if flags & SymbolFlags.use != 0 {
                        message = "name '\(name)' is used prior to global declaration"
                    } else if flags & SymbolFlags.annotated != 0 {
                        message = "annotated name '\(name)' can't be global"
                    } else {
                        message = "name '\(name)' is assigned to before global declaration"
                    }
                    report(message, at: position)
                }
                addDef(name, SymbolFlags.global, at: position)
                current.directives[mangle(name)] = position
            }
        case .nonlocal(let names):
            for name in names {
                let flags = lookup(name)
                if flags & (SymbolFlags.parameter | SymbolFlags.local | SymbolFlags.use | SymbolFlags.annotated) != 0 {
                    let message: String
                    if flags & SymbolFlags.parameter != 0 {
                        message = "name '\(name)' is parameter and nonlocal"
                    } else if flags & SymbolFlags.use != 0 {
                        message = "name '\(name)' is used prior to nonlocal declaration"
                    } else if flags & SymbolFlags.annotated != 0 {
                        message = "annotated name '\(name)' can't be nonlocal"
                    } else {
                        message = "name '\(name)' is assigned to before nonlocal declaration"
                    }
                    report(message, at: position)
                }
                addDef(name, SymbolFlags.nonlocal, at: position)
                current.directives[mangle(name)] = position
            }
        default:
            break
        }
    }

    func visitAlias(_ alias: Alias) {
        let name = alias.asName ?? alias.name
        if name == "*" {
            if current.kind != .module {
                report("import * only allowed at module level", at: alias.range.start)
            }
            return
        }
        let stored = String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? Substring(name))
        addDef(stored, SymbolFlags.imported, at: alias.range.start)
    }

    func visitFunction(_ function: FunctionDefinition, at position: SourcePosition) {
        addDef(function.name, SymbolFlags.local, at: position)
        visit(function.arguments.defaults)
        for value in function.arguments.keywordDefaults {
            visit(value)
        }
        visit(function.decorators)
        let generic = !function.typeParameters.isEmpty
        if generic {
            enter(.typeParameters)
            visitTypeParameters(function.typeParameters)
        }
        visitAnnotations(function.arguments, returns: function.returns)
        enter(.function)
        visitParameters(function.arguments)
        visit(function.body)
        exit()
        if generic { exit() }
    }

    func visitClass(_ definition: ClassDefinition, at position: SourcePosition) {
        addDef(definition.name, SymbolFlags.local, at: position)
        visit(definition.decorators)
        let generic = !definition.typeParameters.isEmpty
        if generic {
            enter(.typeParameters)
            visitTypeParameters(definition.typeParameters)
        }
        visit(definition.bases)
        for keyword in definition.keywords {
            visit(keyword.value)
        }
        enter(.classBody)
        let savedPrivate = privateName
        privateName = definition.name
        visit(definition.body)
        privateName = savedPrivate
        exit()
        if generic { exit() }
    }

    func visitTypeParameters(_ parameters: [TypeParameter]) {
        for parameter in parameters {
            addDef(parameter.name, SymbolFlags.local, at: parameter.range.start)
            if parameter.bound != nil || parameter.defaultValue != nil {
                enter(.function)
                visit(parameter.bound)
                visit(parameter.defaultValue)
                exit()
            }
        }
    }

    func visitParameters(_ arguments: Arguments) {
        for parameter in arguments.positionalOnly + arguments.positional + arguments.keywordOnly {
            addDef(parameter.name, SymbolFlags.parameter, at: parameter.range.start)
        }
        if let variadic = arguments.variadic {
            addDef(variadic.name, SymbolFlags.parameter, at: variadic.range.start)
        }
        if let keywordVariadic = arguments.keywordVariadic {
            addDef(keywordVariadic.name, SymbolFlags.parameter, at: keywordVariadic.range.start)
        }
    }

    /// Parameter and return annotations, evaluated in the enclosing scope. Under
    /// `from __future__ import annotations` they are strings, and CPython 3.11's symtable does
    /// not record their names at all.
    func visitAnnotations(_ arguments: Arguments, returns: Expression?) {
        if futureAnnotations { return }
        for parameter in arguments.positionalOnly + arguments.positional {
            visit(parameter.annotation)
        }
        visit(arguments.variadic?.annotation)
        for parameter in arguments.keywordOnly {
            visit(parameter.annotation)
        }
        visit(arguments.keywordVariadic?.annotation)
        visit(returns)
    }

    func visitAnnotation(_ annotation: Expression) {
        if futureAnnotations { return }
        visit(annotation)
    }

    func visit(_ pattern: Pattern) {
        switch pattern.kind {
        case .value(let value):
            visit(value)
        case .singleton:
            break
        case .sequence(let patterns), .or(let patterns):
            for inner in patterns { visit(inner) }
        case .star(let name):
            if let name { addDef(name, SymbolFlags.local, at: pattern.range.start) }
        case .mapping(let keys, let patterns, let rest):
            visit(keys)
            for inner in patterns { visit(inner) }
            if let rest { addDef(rest, SymbolFlags.local, at: pattern.range.start) }
        case .classPattern(let cls, let patterns, _, let keywordPatterns):
            visit(cls)
            for inner in patterns + keywordPatterns { visit(inner) }
        case .asPattern(let inner, let name):
            if let inner { visit(inner) }
            if let name { addDef(name, SymbolFlags.local, at: pattern.range.start) }
        }
    }
}
