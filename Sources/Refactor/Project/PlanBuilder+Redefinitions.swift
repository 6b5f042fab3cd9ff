import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// A function or class the notebook defines again under the same name (`def objective`
    /// twice) would make one module hold two definitions, the second hiding the first from
    /// code that ran between them. Each later definition gets its own name (`objective_2`), and
    /// pipeline code after it (until the next one) refers to that name, so every call reaches
    /// the definition the notebook called there.
    func versionRedefinitions() {
        var count: [String: Int] = [:]
        var current: [String: String] = [:]
        let taken = Set(pieces.flatMap(\.facts.defines)).union(pieces.flatMap(\.facts.reads))
        var used = taken
        for index in pieces.indices {
            let piece = pieces[index]
            // References first: a definition's own body refers to the name current before it.
            if Self.isPipelineCode(piece.destination) {
                let renames = current.filter { piece.facts.reads.contains($0.key) && $0.key != Self.definedName(piece.statement) }
                if !renames.isEmpty { rename(renames, inPiece: index) }
            }
            guard piece.destination == .definition, let name = Self.definedName(piece.statement) else {
                // Any other binding of the name ends the renamed version's reach.
                for name in piece.facts.defines { current[name] = nil }
                continue
            }
            switch piece.statement.kind {
            case .functionDef, .classDef: break
            default: continue
            }
            count[name, default: 0] += 1
            guard let ordinal = count[name], ordinal > 1 else { continue }
            var fresh = "\(name)_\(ordinal)"
            while used.contains(fresh) { fresh += "_" }
            used.insert(fresh)
            current[name] = fresh
            renamedDefinitions[index] = fresh
            renameDefinitionHeader(index, from: name, to: fresh)
            diagnostics.append(.note("project.redefinition-renamed",
                                     "'\(name)' is defined again here: this definition becomes '\(fresh)', and the code after it calls '\(fresh)'",
                                     at: location(of: piece)))
        }
    }

    /// Renames the `def NAME` / `class NAME` token of a definition.
    private func renameDefinitionHeader(_ index: Int, from name: String, to fresh: String) {
        let piece = pieces[index]
        let tokens = Tokenizer.tokenize(sources[piece.source].text(piece.span)).tokens
        guard let at = tokens.indices.first(where: { index in
            index > 0 && tokens[index].kind == .name && tokens[index].text == name && ["def", "class"].contains(tokens[index - 1].text)
        }) else { return }
        let range = (piece.span.lowerBound + tokens[at].range.start.offset)..<(piece.span.lowerBound + tokens[at].range.end.offset)
        edits[piece.source, default: []].append(CellSource.Edit(range: range, replacement: fresh))
    }

    /// Renames names read in a piece (not attributes `.name`, not keyword arguments `name=`).
    private func rename(_ renames: [String: String], inPiece index: Int) {
        let piece = pieces[index]
        let tokens = Tokenizer.tokenize(sources[piece.source].text(piece.span)).tokens
        var done: Set<String> = []
        for token in NameTokens.references(in: tokens, to: Set(renames.keys)) {
            guard let fresh = renames[token.text] else { continue }
            let range = (piece.span.lowerBound + token.range.start.offset)..<(piece.span.lowerBound + token.range.end.offset)
            edits[piece.source, default: []].append(CellSource.Edit(range: range, replacement: fresh))
            done.insert(token.text)
        }
        for name in done {
            hiddenReads[index, default: []].insert(name)
            if let fresh = renames[name] { extraReads[index, default: []].insert(fresh) }
        }
    }
}
