import Diagnostics
import PythonSyntax

extension PlanBuilder {
    /// Splits every code cell into top-level statements and gives each a destination;
    /// reports cells that cannot be carried over and the IPython syntax that is dropped.
    func collectPieces() {
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
