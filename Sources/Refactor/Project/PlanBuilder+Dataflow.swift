import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// Builds the statement-level def-use graph and reads the stage functions off it
    /// (``StageDataflow``): what each stage function, moved definition and exploration cell
    /// reads from where.
    func walkDataflow() {
        let definitionNames = Set(pieces.indices.filter { pieces[$0].destination == .definition }.compactMap(definedName(ofPiece:)))
        let statements = pieces.enumerated().map { index, piece in
            StageDataflow.Statement(
                cell: piece.cell, location: location(of: piece), destination: piece.destination, facts: piece.facts,
                reads: Set(piece.facts.reads).union(SyntaxWalk.augmentedNames(in: piece.statement))
                    .union(Self.namesCalledInStrings(piece.statement, among: definitionNames))
                    .union(extraReads[index] ?? []).subtracting(hiddenReads[index] ?? []).sorted(),
                loopBound: SyntaxWalk.loopBoundNames(of: piece.statement),
                definedName: piece.destination == .definition ? definedName(ofPiece: index) : nil,
                configReads: usedConfigInPiece[index] ?? [])
        }
        let flow = StageDataflow(statements, returnExplorationInputs: options.returnExplorationInputs)
        dataflow = flow
        slices = PipelineSlices(graph: flow.graph, statements: pieces.map { ($0.statement, Self.isPipelineFunction($0.destination)) })
        functions = flow.functions
        segmentOfPiece = flow.segmentOfStatement
        definitions = flow.definitions
        explorationInputs = flow.explorationInputs
        starImports = flow.starImports
        boundNames.formUnion(flow.boundNames)
        diagnostics += flow.diagnostics
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
}
