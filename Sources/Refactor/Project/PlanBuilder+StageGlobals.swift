import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// Moved functions that read globals a stage computes (`def plot_roc(): plt.plot(fpr, tpr)`
    /// after a cell computed `fpr, tpr`) get those globals as keyword-only parameters, and every
    /// call in pipeline code passes them by name (`plot_roc(fpr=fpr, tpr=tpr)`): at the call the
    /// caller's value is the one the notebook's global had, so behaviour is kept and no moved
    /// function reads a name its module does not bind. Callers that are moved functions
    /// themselves get the same parameters, to a fixed point.
    ///
    /// A function whose *definition* reads such a global (a default `data=X_train`, a decorator)
    /// is not moved: its `def` stays a statement of the stage function of its cell, so the
    /// default is evaluated where the notebook evaluated it, and the function is handed on like
    /// any other value. So is a function that cannot take them as keyword parameters exactly
    /// (referred to other than by calling it, `df.apply(f)` or `interact(f, …)`, or whose own
    /// parameters use those names): inside its stage function it reads them as the enclosing
    /// function's values, so no moved function is left reading a global its module does not bind.
    func parameteriseStageGlobals() {
        var needs: [Int: [String]] = [:]
        // A function that cannot be given its globals as parameters is kept as a statement of a
        // stage, which makes its name a stage value too: plan again until nothing is refused.
        while true {
            let refused: [Int]
            (needs, refused) = stageGlobalNeeds()
            guard !refused.isEmpty else { break }
            for index in refused {
                keepInStage(index) { stage in
                    "it reads values the pipeline computes and cannot take them as keyword parameters (it is handed on as a value, or its parameters use those names): the def stays in the \(stage.rawValue) stage, where it sees them, and is passed on like a value"
                }
            }
        }
        guard !needs.isEmpty else { return }
        let needsByName = Dictionary(uniqueKeysWithValues: needs.compactMap { index, names -> (String, [String])? in
            guard case .functionDef(let function) = pieces[index].statement.kind else { return nil }
            return (function.name, names)
        })
        for (index, names) in needs.sorted(by: { $0.key < $1.key }) {
            guard case .functionDef(let function) = pieces[index].statement.kind,
                  let insertion = headerInsertion(for: index, function: function) else { continue }
            edits[pieces[index].source, default: []].append(CellSource.Edit(range: insertion.offset..<insertion.offset, replacement: insertion.text(names)))
            hiddenReads[index, default: []].formUnion(names)
            diagnostics.append(.note("project.stage-global-parameter",
                                     "'\(function.name)' reads \(names.map { "'\($0)'" }.joined(separator: ", ")), computed by the pipeline: \(names.count == 1 ? "it becomes a keyword parameter" : "they become keyword parameters") that every call passes",
                                     at: location(of: pieces[index])))
        }
        for (index, piece) in pieces.enumerated() where Self.isPipelineCode(piece.destination) {
            SyntaxWalk.expressions(in: piece.statement) { expression in
                guard case .call(let callee, let arguments, let keywords) = expression.kind, case .name(let name, _) = callee.kind,
                      let names = needsByName[name] else { return }
                let source = sources[piece.source]
                let close = expression.range.end.offset - 1
                guard close >= 0, close < source.bytes.count, source.bytes[close] == UInt8(ascii: ")") else { return }
                var before = close - 1
                while before > expression.range.start.offset, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(source.bytes[before]) {
                    before -= 1
                }
                let passed = names.map { "\($0)=\($0)" }.joined(separator: ", ")
                // Right after the last argument (and its trailing comma), so a call spread over
                // lines keeps its closing bracket where it was.
                let empty = arguments.isEmpty && keywords.isEmpty
                let offset = empty ? close : before + 1
                let text = empty ? passed : (source.bytes[before] == UInt8(ascii: ",") ? " " : ", ") + passed
                edits[piece.source, default: []].append(CellSource.Edit(range: offset..<offset, replacement: text))
                extraReads[index, default: []].formUnion(names)
            }
        }
    }

    /// Names whose value a stage function or exploration computes (not imports, config or
    /// moved definitions).
    private func computedNames() -> Set<String> {
        var computed: Set<String> = []
        var fixed: Set<String> = []
        for piece in pieces {
            switch piece.destination {
            case .function, .exploration: computed.formUnion(piece.facts.defines)
            case .imports, .config, .definition: fixed.formUnion(piece.facts.defines)
            case .dropped: break
            }
        }
        return computed.subtracting(fixed)
    }

    /// Names read when the `def` runs: decorators, defaults and annotations.
    static func definitionTimeNames(_ function: FunctionDefinition) -> Set<String> {
        var expressions = function.decorators + function.arguments.defaults + function.arguments.keywordDefaults.compactMap { $0 }
        expressions += function.arguments.allParameters.compactMap(\.annotation)
        if let returns = function.returns { expressions.append(returns) }
        var names: Set<String> = []
        var work = expressions
        while let next = work.popLast() {
            if case .name(let name, _) = next.kind { names.insert(name) }
            SyntaxWalk.children(of: next, into: &work)
        }
        return names
    }

    /// The `def` becomes a statement of the stage function its cell belongs to (the closest
    /// earlier pipeline stage for an exploration cell); the note says why, for that stage.
    private func keepInStage(_ index: Int, reason: (Stage) -> String = { stage in
        "its definition reads values the pipeline computes (a default or a decorator): the def stays in the \(stage.rawValue) stage and is passed on like a value"
    }) {
        var stage = stageOf[pieces[index].cell] ?? .explore
        if !stage.isPipeline {
            stage = pieces[..<index].reversed().compactMap { piece -> Stage? in
                if case .function(let earlier) = piece.destination { return earlier }
                return nil
            }.first ?? .data
        }
        pieces[index].destination = .function(stage == .setup ? .data : stage)
        diagnostics.append(.note("project.definition-kept-in-stage", reason(stage),
                                 at: location(of: pieces[index])))
    }

    /// The globals each moved function must be given (by piece), and the functions that read
    /// such globals but cannot be rewritten exactly (named parameters in the way, a reference
    /// that does not call it, a header the rewrite cannot find). Functions whose definition
    /// reads such globals are kept in their stage on the way.
    private func stageGlobalNeeds() -> (needs: [Int: [String]], refused: [Int]) {
        let computed = computedNames()
        guard !computed.isEmpty else { return ([:], []) }
        var needs: [Int: [String]] = [:]
        let definitionPieces = pieces.indices.filter { index in
            guard pieces[index].destination == .definition, case .functionDef = pieces[index].statement.kind else { return false }
            return true
        }
        var byName: [String: Int] = [:]
        for index in definitionPieces {
            guard case .functionDef(let function) = pieces[index].statement.kind else { continue }
            // A name defined twice keeps its old treatment: which one a call means depends on order.
            byName[function.name] = byName[function.name] == nil ? index : -1
        }
        byName = byName.filter { $0.value >= 0 }
        for index in definitionPieces {
            guard case .functionDef(let function) = pieces[index].statement.kind else { continue }
            let stageReads = Set(pieces[index].facts.reads).intersection(computed).subtracting([function.name])
            guard !stageReads.isEmpty else { continue }
            if !stageReads.isDisjoint(with: Self.definitionTimeNames(function)) {
                keepInStage(index)
                byName[function.name] = nil
                continue
            }
            needs[index] = stageReads.sorted()
        }
        // Callers that are moved functions need what their callees need.
        var changed = true
        while changed {
            changed = false
            for index in definitionPieces where pieces[index].destination == .definition {
                guard case .functionDef(let function) = pieces[index].statement.kind else { continue }
                var wanted = Set(needs[index] ?? [])
                for callee in pieces[index].facts.reads {
                    guard let target = byName[callee], target != index else { continue }
                    wanted.formUnion(needs[target] ?? [])
                }
                if wanted.count > (needs[index]?.count ?? 0) {
                    needs[index] = wanted.subtracting([function.name]).sorted()
                    changed = true
                }
            }
        }
        // Refuse what cannot be rewritten exactly.
        var refused: [Int] = []
        for (index, names) in needs {
            guard case .functionDef(let function) = pieces[index].statement.kind else { continue }
            let parameters = Set(function.arguments.allParameters.map(\.name))
            if !parameters.isDisjoint(with: names) || !allReferencesAreCalls(to: function.name) || headerInsertion(for: index, function: function) == nil {
                needs[index] = nil
                refused.append(index)
            }
        }
        return (needs, refused.sorted())
    }

    /// Whether every mention of `name` in pipeline code (and exploration) calls it.
    private func allReferencesAreCalls(to name: String) -> Bool {
        for piece in pieces where piece.destination != .imports && piece.destination != .dropped {
            guard piece.facts.reads.contains(name) else { continue }
            var calls = 0
            var mentions = 0
            SyntaxWalk.expressions(in: piece.statement) { expression in
                switch expression.kind {
                case .call(let callee, _, _):
                    if case .name(name, _) = callee.kind { calls += 1 }
                case .name(name, _):
                    mentions += 1
                default:
                    break
                }
            }
            if mentions != calls { return false }
        }
        return true
    }

    /// Where keyword-only parameters go in a `def`'s header, and the text to insert.
    struct HeaderInsertion {
        var offset: Int
        /// Whether the header has `*` or `*args` already.
        var hasStar: Bool
        /// The text between the tokens around the insertion.
        var separator: Separator

        enum Separator { case afterOpen, afterComma, afterParameter, beforeDoubleStar }

        func text(_ names: [String]) -> String {
            let list = (hasStar ? [] : ["*"]) + names
            switch separator {
            case .afterOpen: return list.joined(separator: ", ")
            case .afterComma: return " " + list.joined(separator: ", ")
            case .afterParameter: return ", " + list.joined(separator: ", ")
            case .beforeDoubleStar: return list.joined(separator: ", ") + ", "
            }
        }
    }

    /// Finds the parameter list of the `def` (by tokens, so strings and comments are skipped).
    private func headerInsertion(for index: Int, function: FunctionDefinition) -> HeaderInsertion? {
        let piece = pieces[index]
        let source = sources[piece.source]
        let text = source.text(piece.span)
        let tokens = Tokenizer.tokenize(text).tokens
        guard let defAt = tokens.indices.first(where: { index in
            tokens[index].kind == .name && tokens[index].text == "def" && index + 2 < tokens.count
                && tokens[index + 1].text == function.name && tokens[index + 2].text == "("
        }) else { return nil }
        let open = defAt + 2
        var depth = 0
        var close: Int?
        var doubleStar: Int?
        for index in open..<tokens.count where tokens[index].kind == .op {
            switch tokens[index].text {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { close = index }
            case "**" where depth == 1: doubleStar = index
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return nil }
        let hasStar = function.arguments.variadic != nil || !function.arguments.keywordOnly.isEmpty
        let base = piece.span.lowerBound
        if let doubleStar, function.arguments.keywordVariadic != nil {
            return HeaderInsertion(offset: base + tokens[doubleStar].range.start.offset, hasStar: hasStar, separator: .beforeDoubleStar)
        }
        // The last token before `)` that is not a line break inside the brackets.
        var last = close - 1
        while last > open, [.newline, .indent, .dedent].contains(tokens[last].kind) { last -= 1 }
        let previous = tokens[last]
        let separator: HeaderInsertion.Separator = last == open ? .afterOpen : (previous.text == "," ? .afterComma : .afterParameter)
        let offset = separator == .afterOpen ? tokens[close].range.start.offset : previous.range.end.offset
        return HeaderInsertion(offset: base + offset, hasStar: hasStar, separator: separator)
    }
}
