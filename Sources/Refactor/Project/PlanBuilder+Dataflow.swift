import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// Walks the statements top to bottom, tracking where each name's current value comes
    /// from (the closest earlier definition; an in-place change counts as one), and records
    /// what each stage function, moved definition and exploration cell reads from where.
    func walkDataflow() {
        var current: [String: Provider] = [:]
        var pendingDefinitionReads: [(definition: Int, name: String)] = []
        var changedByExploration: [String: Int] = [:]
        var reportedStarImports: Set<String> = []
        let definitionNames = Set(pieces.indices.filter { pieces[$0].destination == .definition }.compactMap(definedName(ofPiece:)))
        for (index, piece) in pieces.enumerated() {
            boundNames.formUnion(piece.facts.defines)
            let reads = Set(piece.facts.reads).union(SyntaxWalk.augmentedNames(in: piece.statement))
                .union(Self.namesCalledInStrings(piece.statement, among: definitionNames))
                .union(extraReads[index] ?? []).subtracting(hiddenReads[index] ?? []).sorted()
            switch piece.destination {
            case .dropped:
                break
            case .imports:
                for fact in piece.facts.imports {
                    let line = ImportLine.text(fact)
                    guard let name = ImportLine.boundName(fact) else {
                        if !starImports.contains(line) { starImports.append(line) }
                        if reportedStarImports.insert(line).inserted {
                            diagnostics.append(.warning("project.star-import", "'\(line)' is kept in every module that may use it; the names it binds cannot be checked",
                                                        at: location(of: piece)))
                        }
                        continue
                    }
                    if case .imported(let lines) = current[name] {
                        current[name] = .imported(lines.contains(line) ? lines : lines + [line])
                    } else {
                        current[name] = .imported([line])
                    }
                }
            case .config:
                for name in piece.facts.defines { current[name] = .config }
            case .definition:
                var state = DefinitionState(name: definedName(ofPiece: index) ?? "", piece: index)
                state.configNames.formUnion(usedConfigInPiece[index] ?? [])
                for name in reads where name != state.name {
                    if let provider = current[name] {
                        resolve(name, provider: provider, into: &state, at: piece)
                    } else {
                        pendingDefinitionReads.append((definitions.count, name))
                    }
                }
                definitions.append(state)
                current[state.name] = .definition(state.name)
            case .function(let stage):
                if functions.last?.stage != stage { functions.append(FunctionState(stage: stage)) }
                let segment = functions.count - 1
                segmentOfPiece[index] = segment
                var state = functions[segment]
                if state.cells.last != piece.cell { state.cells.append(piece.cell) }
                state.configNames.formUnion(usedConfigInPiece[index] ?? [])
                let loopBound = SyntaxWalk.loopBoundNames(of: piece.statement)
                for name in reads where !loopBound.contains(name) {
                    if let cell = changedByExploration.removeValue(forKey: name) {
                        diagnostics.append(.warning("project.exploration-change-lost", "exploration changes '\(name)' in place (cell \(cell)); the \(stage.rawValue) stage does not see that change",
                                                    at: location(of: piece)))
                    }
                    resolve(name, provider: current[name], for: segment, state: &state, at: piece)
                }
                functions[segment] = state
                // A method call on an imported module (`xgboost.train(…)`) does not make the
                // module a value of the stage: it stays an import.
                let mutated = piece.facts.mutates.filter { name in
                    if case .imported = current[name] { return false }
                    return true
                }
                for name in Set(piece.facts.defines).union(mutated) {
                    current[name] = .function(segment)
                    changedByExploration.removeValue(forKey: name)
                }
            case .exploration:
                for name in reads {
                    if case .function(let segment) = current[name] {
                        explorationInputs[piece.cell, default: [:]][name] = segment
                        if options.returnExplorationInputs { functions[segment].returns.insert(name) }
                    }
                }
                for name in piece.facts.mutates where !piece.facts.defines.contains(name) {
                    if case .function = current[name] { changedByExploration[name] = piece.cell }
                }
                for name in piece.facts.defines { current[name] = .exploration(piece.cell) }
            }
        }
        for (definition, name) in pendingDefinitionReads {
            guard let provider = current[name] else {
                if !PythonBuiltins.names.contains(name) && !starImports.isEmpty { definitions[definition].usesStarImports = true }
                continue
            }
            var state = definitions[definition]
            resolve(name, provider: provider, into: &state, at: pieces[state.piece])
            definitions[definition] = state
        }
    }

    /// Definitions called by name inside string literals, as formula strings do
    /// (`smf.ols("y ~ double_it(x)", data)` looks `double_it` up in the caller's namespace).
    static func namesCalledInStrings(_ statement: Statement, among names: Set<String>) -> Set<String> {
        guard !names.isEmpty else { return [] }
        var found: Set<String> = []
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .constant(.string(let text)) = expression.kind else { return }
            for name in names where text.contains(name + "(") {
                // The name must start an identifier: `x_double_it(` does not call `double_it`.
                var ok = false
                var search = text[...]
                while let range = search.range(of: name + "(") {
                    let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                    if before.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) ?? true { ok = true; break }
                    search = search[range.upperBound...]
                }
                if ok { found.insert(name) }
            }
        }
        return found
    }

    /// The name a definition piece binds in the project (``renamedDefinitions`` first).
    func definedName(ofPiece index: Int) -> String? {
        renamedDefinitions[index] ?? Self.definedName(pieces[index].statement)
    }

    /// The name a `def`, `class` or lifted global assignment binds.
    static func definedName(_ statement: Statement) -> String? {
        switch statement.kind {
        case .functionDef(let function): return function.name
        case .classDef(let definition): return definition.name
        case .assign(let targets, _):
            guard targets.count == 1, case .name(let name, _) = targets[0].kind else { return nil }
            return name
        default: return nil
        }
    }

    private func resolve(_ name: String, provider: Provider?, for segment: Int, state: inout FunctionState, at piece: PlanPiece) {
        let stage = state.stage
        switch provider {
        case .function(let source) where source != segment:
            state.parameters[name] = source
            functions[source].returns.insert(name)
        case .function:
            break
        case .config:
            state.configNames.insert(name)
        case .definition(let definition):
            state.definitions.insert(definition)
        case .imported(let lines):
            state.imports.formUnion(lines)
        case .exploration(let cell):
            diagnostics.append(.warning("project.reads-exploration", "the \(stage.rawValue) stage reads '\(name)', which only exploration (cell \(cell)) computes",
                                        at: location(of: piece)))
        case nil:
            if !PythonBuiltins.names.contains(name) && !starImports.isEmpty { state.usesStarImports = true }
        }
    }

    private func resolve(_ name: String, provider: Provider, into state: inout DefinitionState, at piece: PlanPiece) {
        switch provider {
        case .config:
            state.configNames.insert(name)
        case .definition(let definition):
            state.definitions.insert(definition)
        case .imported(let lines):
            state.imports.formUnion(lines)
        case .function(let segment):
            let stage = functions[segment].stage
            state.stageGlobals.insert(name)
            diagnostics.append(.warning("project.function-reads-stage-global",
                                        "'\(state.name)' reads the global '\(name)', which the \(stage.rawValue) stage computes: it is left as a global and is undefined in the generated module",
                                        at: location(of: piece),
                                        notes: ["pass '\(name)' as a parameter, or make it a constant in capitals so it moves to config"]))
        case .exploration(let cell):
            state.stageGlobals.insert(name)
            diagnostics.append(.warning("project.function-reads-stage-global",
                                        "'\(state.name)' reads the global '\(name)', which only exploration (cell \(cell)) computes",
                                        at: location(of: piece)))
        }
    }
}
