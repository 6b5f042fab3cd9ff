import Diagnostics
import PythonSyntax

/// The second pass of the **plan** stage: the ``DefUseGraph`` read as stage functions.
///
/// Consecutive pipeline statements of one stage form a segment (one stage function). For
/// every use in the graph, the statement that made the reaching definition says where the
/// value comes from (``ValueProvider``): a use in one segment of a definition made by another
/// becomes a parameter of the reader and a return value of the maker, so a stage function's
/// parameters are exactly the values it reads from other stages and its returns exactly what
/// later stages read. Imports, config constants and moved definitions are module-level names,
/// never passed. An in-place change made by exploration is not seen by the pipeline (it reads
/// the version under it, and that is reported); a moved definition reads globals as they are
/// when it is defined, else as the notebook leaves them.
struct StageDataflow {
    /// One top-level statement with the place the planner gave it.
    struct Statement {
        var cell: Int
        var location: SourceLocation
        var destination: PlanPiece.Destination
        var facts: CellFacts
        /// The names it reads (its facts', with augmented assignments, formula calls and the
        /// rewrites of earlier passes), sorted.
        var reads: [String]
        /// Names a `for` statement binds before reading them (read from the loop, not before it).
        var loopBound: Set<String> = []
        /// The project name a moved definition binds.
        var definedName: String?
        /// Config names it reads because earlier passes put them there.
        var configReads: Set<String> = []
    }

    /// The graph the segments are read from.
    let graph: DefUseGraph
    /// The segments, in notebook order.
    private(set) var functions: [StageSegment] = []
    /// The segment of each pipeline statement.
    private(set) var segmentOfStatement: [Int: Int] = [:]
    /// The moved definitions, in notebook order.
    private(set) var definitions: [DefinitionReads] = []
    /// For each exploration cell, the names it reads from segments.
    private(set) var explorationInputs: [Int: [String: Int]] = [:]
    /// Star import lines, in notebook order.
    private(set) var starImports: [String] = []
    /// Every name bound anywhere in the notebook.
    private(set) var boundNames: Set<String> = []
    /// What cannot be carried over faithfully.
    private(set) var diagnostics: [Diagnostic] = []

    private let statements: [Statement]

    /// The graph's view of a planned statement: what it binds and changes for the pipeline.
    static func graphStatement(_ statement: Statement) -> DefUseGraph.Statement {
        switch statement.destination {
        case .dropped:
            return DefUseGraph.Statement()
        case .imports:
            return DefUseGraph.Statement(isImport: true, binds: statement.facts.imports.compactMap(ImportLine.boundName))
        case .config:
            return DefUseGraph.Statement(reads: statement.reads, binds: statement.facts.defines)
        case .definition:
            return DefUseGraph.Statement(reads: statement.reads.filter { $0 != statement.definedName },
                                         binds: statement.definedName.map { [$0] } ?? [])
        case .function:
            return DefUseGraph.Statement(reads: statement.reads.filter { !statement.loopBound.contains($0) },
                                         binds: statement.facts.defines, mutates: statement.facts.mutates)
        case .exploration:
            return DefUseGraph.Statement(reads: statement.reads, binds: statement.facts.defines, mutates: statement.facts.mutates)
        }
    }

    /// Runs the pass.
    /// - Parameters:
    ///   - statements: Every top-level statement, in notebook order.
    ///   - returnExplorationInputs: Whether segments also return what exploration reads from them.
    init(_ statements: [Statement], returnExplorationInputs: Bool) {
        self.statements = statements
        graph = DefUseGraph(statements.map(Self.graphStatement))
        var warnedChanges: Set<Int> = []
        var reportedStarImports: Set<String> = []
        var pendingDefinitionReads: [(definition: Int, name: String)] = []
        for (index, statement) in statements.enumerated() {
            boundNames.formUnion(statement.facts.defines)
            let uses = graph.uses(of: index)
            switch statement.destination {
            case .dropped, .config:
                break
            case .imports:
                for fact in statement.facts.imports where ImportLine.boundName(fact) == nil {
                    let line = ImportLine.text(fact)
                    if !starImports.contains(line) { starImports.append(line) }
                    if reportedStarImports.insert(line).inserted {
                        diagnostics.append(.warning("project.star-import", "'\(line)' is kept in every module that may use it; the names it binds cannot be checked",
                                                    at: statement.location))
                    }
                }
            case .definition:
                var state = DefinitionReads(name: statement.definedName ?? "", piece: index)
                state.configNames.formUnion(statement.configReads)
                for use in uses {
                    if let provider = provider(of: use.definition).provider {
                        resolve(use.name, provider: provider, into: &state, at: statement)
                    } else {
                        pendingDefinitionReads.append((definitions.count, use.name))
                    }
                }
                definitions.append(state)
            case .function(let stage):
                if functions.last?.stage != stage { functions.append(StageSegment(stage: stage)) }
                let segment = functions.count - 1
                segmentOfStatement[index] = segment
                var state = functions[segment]
                if state.cells.last != statement.cell { state.cells.append(statement.cell) }
                state.configNames.formUnion(statement.configReads)
                for use in uses {
                    let (provider, change) = provider(of: use.definition)
                    if let change, warnedChanges.insert(change).inserted, case .function = provider {
                        let cell = statements[graph.definitions[change].statement].cell
                        diagnostics.append(.warning("project.exploration-change-lost", "exploration changes '\(use.name)' in place (cell \(cell)); the \(stage.rawValue) stage does not see that change",
                                                    at: statement.location))
                    }
                    resolve(use.name, provider: provider, for: segment, state: &state, at: statement)
                }
                functions[segment] = state
            case .exploration:
                for use in uses {
                    guard case .function(let segment) = provider(of: use.definition).provider else { continue }
                    explorationInputs[statement.cell, default: [:]][use.name] = segment
                    if returnExplorationInputs { functions[segment].returns.insert(use.name) }
                }
            }
        }
        for (definition, name) in pendingDefinitionReads {
            guard let provider = provider(of: graph.finalDefinitions[name]).provider else {
                if !PythonBuiltins.names.contains(name) && !starImports.isEmpty { definitions[definition].usesStarImports = true }
                continue
            }
            var state = definitions[definition]
            resolve(name, provider: provider, into: &state, at: statements[state.piece])
            definitions[definition] = state
        }
    }

    /// Where the version a use reads comes from for the pipeline: in-place changes made by
    /// exploration are skipped (the newest one is returned as `change`).
    private func provider(of definition: Int?) -> (provider: ValueProvider?, change: Int?) {
        var at = definition
        var change: Int?
        while let current = at, graph.definitions[current].kind == .mutation, statements[graph.definitions[current].statement].destination == .exploration {
            if change == nil { change = current }
            at = graph.definitions[current].previous
        }
        guard let at else { return (nil, change) }
        let made = graph.definitions[at]
        let statement = statements[made.statement]
        switch statement.destination {
        case .function: return (segmentOfStatement[made.statement].map(ValueProvider.function), change)
        case .config: return (.config, change)
        case .definition: return (.definition(made.name), change)
        case .exploration: return (.exploration(statement.cell), change)
        case .dropped: return (nil, change)
        case .imports:
            // Consecutive imports of one name (`import a.b`, `import a.c`) all serve it.
            var chain: [Int] = []
            var next: Int? = at
            while let current = next, graph.definitions[current].kind == .import {
                chain.append(graph.definitions[current].statement)
                next = graph.definitions[current].previous
            }
            var lines: [String] = []
            for index in chain.reversed() {
                for fact in statements[index].facts.imports where ImportLine.boundName(fact) == made.name {
                    let line = ImportLine.text(fact)
                    if !lines.contains(line) { lines.append(line) }
                }
            }
            return (.imported(lines), change)
        }
    }

    private mutating func resolve(_ name: String, provider: ValueProvider?, for segment: Int, state: inout StageSegment, at statement: Statement) {
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
                                        at: statement.location))
        case nil:
            if !PythonBuiltins.names.contains(name) && !starImports.isEmpty { state.usesStarImports = true }
        }
    }

    private mutating func resolve(_ name: String, provider: ValueProvider, into state: inout DefinitionReads, at statement: Statement) {
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
                                        at: statement.location,
                                        notes: ["pass '\(name)' as a parameter, or make it a constant in capitals so it moves to config"]))
        case .exploration(let cell):
            state.stageGlobals.insert(name)
            diagnostics.append(.warning("project.function-reads-stage-global",
                                        "'\(state.name)' reads the global '\(name)', which only exploration (cell \(cell)) computes",
                                        at: statement.location))
        }
    }
}
