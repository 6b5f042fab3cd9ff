/// Turns resolved symbol tables into ``CellFacts``, per cell and per top-level statement.
///
/// - defines: names bound (assigned, imported, def/class, deleted, annotated) in the module
///   scope, plus names a nested scope declares `global` (or binds with a walrus from a
///   module-level comprehension) and binds;
/// - reads: names used in the module scope, plus names used in nested scopes that resolve
///   global (implicitly or explicitly);
/// - mutates: base names of in-place changes that resolve global;
/// - calls: dotted callee names.
struct FactCollector {
    var cellFacts = CellFacts()
    var statementFacts: [CellFacts]

    init(builder: SymbolTableBuilder, statementCount: Int) {
        var perStatement = Array(repeating: Accumulator(), count: statementCount)
        var cell = Accumulator()
        func add(_ statement: Int, _ update: (inout Accumulator) -> Void) {
            update(&cell)
            if statement >= 0 && statement < perStatement.count {
                update(&perStatement[statement])
            }
        }
        for event in builder.events {
            guard event.scope >= 0 && event.scope < builder.scopes.count else { continue }
            let scope = builder.scopes[event.scope]
            let resolution = scope.resolved[event.name]
            let binds = event.flag & (SymbolFlags.local | SymbolFlags.imported) != 0
            let uses = event.flag & SymbolFlags.use != 0
            if scope.kind == .module {
                if binds { add(event.statement) { $0.defines.insert(event.name) } }
                if uses { add(event.statement) { $0.reads.insert(event.name) } }
            } else {
                if binds && resolution == .globalExplicit { add(event.statement) { $0.defines.insert(event.name) } }
                if uses && resolution?.isGlobal == true { add(event.statement) { $0.reads.insert(event.name) } }
            }
        }
        for mutation in builder.mutations {
            guard mutation.scope >= 0 && mutation.scope < builder.scopes.count else { continue }
            let scope = builder.scopes[mutation.scope]
            if scope.kind == .module || scope.resolved[mutation.name]?.isGlobal == true {
                add(mutation.statement) { $0.mutates.insert(mutation.name) }
            }
        }
        for call in builder.calls {
            add(call.statement) { $0.calls.insert(call.name) }
        }
        for entry in builder.imports {
            add(entry.statement) { $0.imports.append(entry.fact) }
        }
        cellFacts = cell.facts
        statementFacts = perStatement.map(\.facts)
    }

    struct Accumulator {
        var imports: [ImportFact] = []
        var defines: Set<String> = []
        var reads: Set<String> = []
        var mutates: Set<String> = []
        var calls: Set<String> = []

        var facts: CellFacts {
            CellFacts(imports: imports, defines: defines.sorted(), reads: reads.sorted(), mutates: mutates.sorted(), calls: calls.sorted())
        }
    }
}
