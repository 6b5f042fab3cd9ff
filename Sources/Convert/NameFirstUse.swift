import PythonSyntax
import Refactor

/// Whether each module-level name is first read or first bound in a run of cells, read the way
/// ruff's pyflakes rules read a notebook: one module, cell after cell, statement after statement.
///
/// The explore notebook's setup cell imports a name only when its first use after the import
/// is a read. An import that a later line rebinds before any read (the setup's own
/// `a, b = load_data()`, or an exploration cell's `def f` or `import x`) is F811, redefinition
/// of an unused name, and one never read is F401.
///
/// A function's body runs later than its `def`, so only its decorators, defaults and annotations
/// are read before the name is bound; reads in the body count after it (a recursive call does
/// not make the name read first). Every other statement's reads count before its bindings
/// (`x = x + 1`). A cell that does not parse counts each name token in it as a read, which keeps
/// an import rather than risk a `NameError`.
struct NameFirstUse: Sendable {
    /// The first thing a cell does with a name.
    enum Use: Sendable, Equatable {
        case read
        case bind
    }

    private(set) var first: [String: Use] = [:]

    /// - Parameter cells: Cell sources in run order (IPython syntax is lowered first).
    init(cells: [String]) {
        for cell in cells { add(cell) }
    }

    /// Whether `name` is read before anything binds it (`false` for a name never used).
    func isReadFirst(_ name: String) -> Bool {
        first[name] == .read
    }

    private mutating func add(_ cell: String) {
        let python = Lowering.lower(cell).python ?? cell
        let analysis = PythonAnalyzer.analyze(python)
        guard let module = analysis.module, module.body.count == analysis.statements.count else {
            for token in Tokenizer.tokenize(python).tokens where token.kind == .name { note(token.text, .read) }
            return
        }
        let bytes = Array(python.utf8)
        for (statement, facts) in zip(module.body, analysis.statements.map(\.facts)) {
            if case .functionDef(let function) = statement.kind {
                for name in Self.headerReads(function, in: bytes) ?? facts.reads { note(name, .read) }
            } else {
                for name in facts.reads { note(name, .read) }
            }
            for name in facts.defines { note(name, .bind) }
            for name in facts.reads { note(name, .read) }
        }
    }

    private mutating func note(_ name: String, _ use: Use) {
        if first[name] == nil { first[name] = use }
    }

    /// The global names a `def` reads when it runs: its decorators, default values and
    /// annotations (`nil` when they cannot be read apart, e.g. with type parameters).
    static func headerReads(_ function: FunctionDefinition, in bytes: [UInt8]) -> [String]? {
        guard function.typeParameters.isEmpty else { return nil }
        let arguments = function.arguments
        var expressions = function.decorators + arguments.defaults + arguments.keywordDefaults.compactMap { $0 }
        expressions += arguments.allParameters.compactMap(\.annotation)
        if let returns = function.returns { expressions.append(returns) }
        guard !expressions.isEmpty else { return [] }
        var source = ""
        for expression in expressions {
            let start = expression.range.start.offset
            let end = expression.range.end.offset
            guard start >= 0, start <= end, end <= bytes.count else { return nil }
            source += "(" + String(decoding: bytes[start..<end], as: UTF8.self) + ")\n"
        }
        let analysis = PythonAnalyzer.analyze(source)
        guard analysis.module != nil, analysis.diagnostics.isEmpty else { return nil }
        return analysis.facts.reads
    }
}
