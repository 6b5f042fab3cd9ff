import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// Splits every code cell into top-level statements and gives each a destination;
    /// reports cells that cannot be carried over and the IPython syntax that is dropped.
    func collectPieces() {
        defer {
            trainWhatEvaluationFits()
            collectMetrics()
            keepExplorationOnlyDefinitions()
        }
        for cell in plan.analysis.codeCells {
            let stage = stageOf[cell.index] ?? .explore
            guard let lowered = cell.lowered, let python = lowered.python else {
                let magic = cell.lowered?.cellMagic.map { "%%" + $0.name } ?? "this cell"
                diagnostics.append(.warning("project.cell-not-python", "\(magic) is not python: kept in the exploration notebook only",
                                            at: location(cell: cell.index)))
                explorationSources[cell.index, default: []].append(cell.cell.source)
                continue
            }
            let source = CellSource(cell: cell.index, python: python)
            guard let module = source.analysis.module else {
                if stage.isPipeline {
                    diagnostics.append(.warning("project.cell-not-parsed", "cell does not parse: kept in the exploration notebook only, not in the pipeline",
                                                at: location(cell: cell.index)))
                }
                explorationSources[cell.index, default: []].append(cell.cell.source)
                continue
            }
            let sourceIndex = sources.count
            sources.append(source)
            if stage == .explore {
                explorationSources[cell.index, default: []].append(cell.cell.source)
            } else {
                reportMagics(lowered, cell: cell.index)
            }
            let magicLines = Set(lowered.magics.flatMap { Array($0.line...max($0.line, $0.endLine)) })
            // `x = !cmd` is lowered to `x = ...`: the value needs IPython, so the statement is exploration.
            let captureLines = Set(lowered.magics.flatMap { magic -> [Int] in
                switch magic {
                case .shellCapture, .magicCapture: Array(magic.line...max(magic.line, magic.endLine))
                default: []
                }
            })
            let spans = source.statementSpans()
            for (index, statement) in module.body.enumerated() {
                let facts = index < source.analysis.statements.count ? source.analysis.statements[index].facts : CellFacts()
                var piece = PlanPiece(cell: cell.index, source: sourceIndex, statement: statement, facts: facts,
                                      span: spans[index], destination: .exploration)
                if !stage.isPipeline {
                    // Exploration cells keep their whole source for the notebook, but their imports
                    // and definitions still serve pipeline code that uses those names later.
                    switch statement.kind {
                    case .import, .importFrom: piece.destination = .imports
                    case .functionDef, .classDef: piece.destination = .definition
                    default: break
                    }
                } else {
                    piece.destination = destination(of: statement, facts: facts, stage: stage, magicLines: magicLines)
                    if !captureLines.isDisjoint(with: statement.range.start.line...CellSource.lastLine(statement.range)) {
                        piece.destination = .exploration
                    }
                    if piece.destination == .exploration && ExplorationStatement.callsIPython(facts) {
                        diagnostics.append(.warning("project.ipython-call", "statement calls get_ipython(): kept in the exploration notebook only",
                                                    at: location(of: piece)))
                    }
                    if piece.destination == .exploration {
                        explorationSources[cell.index, default: []].append(source.text(piece.span))
                    }
                }
                pieces.append(piece)
            }
        }
    }

    /// A function or class defined in an exploration cell that no pipeline code (nor another
    /// definition) refers to stays in the exploration notebook only: moving it into the package
    /// would add code nothing calls there, and one that reads the pipeline's values (a plotting
    /// helper reading the trained model) would read globals its module does not bind.
    func keepExplorationOnlyDefinitions() {
        var changed = true
        while changed {
            changed = false
            let readByPackage = Set(pieces.filter { $0.destination == .definition || Self.isPipelineFunction($0.destination) }
                .flatMap { piece in piece.facts.reads.filter { name in Self.definedName(piece.statement) != name } })
            for index in pieces.indices where pieces[index].destination == .definition {
                guard !(stageOf[pieces[index].cell] ?? .explore).isPipeline, let name = Self.definedName(pieces[index].statement) else { continue }
                guard !readByPackage.contains(name), !pieces.contains(where: { $0.destination != .exploration && $0.destination != .definition
                    && Self.namesCalledInStrings($0.statement, among: [name]).contains(name) }) else { continue }
                pieces[index].destination = .exploration
                changed = true
            }
        }
    }

    static func isPipelineFunction(_ destination: PlanPiece.Destination) -> Bool {
        if case .function = destination { return true }
        return false
    }

    /// A notebook whose whole pipeline sits under an evaluation heading has no train stage,
    /// so nothing would train or save a model: there, each statement of an evaluate cell that
    /// fits a model (`clf.fit(X, y)`, `model = make_pipeline(…).fit(X, y)`) is training.
    func trainWhatEvaluationFits() {
        let hasTrain = pieces.contains { $0.destination == .function(.train) }
        guard !hasTrain else { return }
        var moved = 0
        for index in pieces.indices where pieces[index].destination == .function(.evaluate) {
            var fits = false
            SyntaxWalk.expressions(in: pieces[index].statement) { expression in
                guard case .call(let function, _, _) = expression.kind, case .attribute(_, let method, _) = function.kind,
                      ["fit", "partial_fit", "fit_generator"].contains(method) else { return }
                fits = true
            }
            guard fits else { continue }
            pieces[index].destination = .function(.train)
            moved += 1
            if moved == 1 {
                diagnostics.append(.note("project.evaluation-trains", "the notebook has no training section: statements that fit a model under its evaluation heading become the train stage",
                                         at: location(of: pieces[index])))
            }
        }
    }

    private func destination(of statement: Statement, facts: CellFacts, stage: Stage, magicLines: Set<Int>) -> PlanPiece.Destination {
        if ExplorationStatement.callsIPython(facts) { return .exploration }
        switch statement.kind {
        case .import, .importFrom:
            return .imports
        case .pass where magicLines.contains(statement.range.start.line):
            return .dropped
        case .functionDef, .classDef:
            return .definition
        case .expression(let expression) where ExplorationStatement.isExploration(expression):
            return .exploration
        default:
            return .function(stage == .setup ? .data : stage)
        }
    }

    private func reportMagics(_ lowered: LoweredCell, cell: Int) {
        for magic in lowered.magics {
            let at = location(cell: cell, line: magic.line)
            switch magic {
            case .install(let install):
                diagnostics.append(.note("project.install-recorded", "'\(install.command)' is not run: its packages become requirements", at: at))
            case .lineMagic(let fact):
                diagnostics.append(.note("project.magic-dropped", "%\(fact.name) is dropped: a module has no IPython magics", at: at))
            case .cellMagic(let fact):
                diagnostics.append(.note("project.magic-dropped", "%%\(fact.name) is dropped; the cell's python is kept", at: at))
            case .shell(let fact):
                diagnostics.append(.warning("project.shell-dropped", "shell command '\(fact.command)' is not run by the pipeline", at: at))
            case .shellCapture(let fact), .magicCapture(let fact):
                diagnostics.append(.warning("project.ipython-call", "'\(fact.command)' captured into \(fact.targets.joined(separator: ", ")) needs IPython: kept in the exploration notebook only", at: at))
            case .help(let fact):
                diagnostics.append(.note("project.magic-dropped", "help request for '\(fact.target)' is dropped", at: at))
            case .ipythonCall(let fact):
                diagnostics.append(.warning("project.ipython-call", "get_ipython().\(fact.method)(…) is dropped from the pipeline", at: at))
            }
        }
    }
}
