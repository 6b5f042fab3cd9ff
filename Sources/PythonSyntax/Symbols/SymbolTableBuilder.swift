/// Builds symbol tables the way CPython 3.11's `symtable.c` does (3.12 type-parameter
/// scopes added), recording every definition and use with its top-level statement, and
/// collecting imports, calls and in-place mutations on the way.
final class SymbolTableBuilder {
    var scopes: [Scope] = []
    var stack: [Scope] = []
    let module: Scope
    var current: Scope
    var privateName: String?
    var futureAnnotations = false
    var statement = 0

    var events: [SymbolEvent] = []
    var mutations: [MutationEvent] = []
    var calls: [(name: String, statement: Int)] = []
    var imports: [(fact: ImportFact, statement: Int)] = []
    var moduleAliases: Set<String> = []
    /// The first error `symtable` would raise.
    var issue: SyntaxIssue?

    init() {
        let module = Scope(kind: .module, index: 0)
        self.module = module
        self.current = module
        scopes = [module]
        stack = [module]
    }

    /// Builds and analyses the tables for a module body.
    func build(_ body: [Statement]) {
        checkFutureImports(body)
        collectModuleAliases(body)
        for (offset, statement) in body.enumerated() {
            self.statement = offset
            visit(statement)
        }
        var global = Set<String>()
        var bound: Set<String>?
        analyzeBlock(module, bound: &bound, global: &global)
    }

    // MARK: - Errors

    func report(_ message: String, at position: SourcePosition) {
        if issue == nil {
            issue = SyntaxIssue(message: message, position: position)
        }
    }

    // MARK: - Scopes

    func enter(_ kind: Scope.Kind, comprehension: String = "") {
        let scope = Scope(kind: kind, index: scopes.count, comprehensionKind: comprehension)
        current.children.append(scope)
        scopes.append(scope)
        stack.append(scope)
        current = scope
    }

    func exit() {
        if stack.count > 1 {
            stack.removeLast()
        }
        current = stack.last ?? module
    }

    // MARK: - Definitions

    /// CPython's private name mangling inside a class: `__x` becomes `_Class__x`.
    func mangle(_ name: String) -> String {
        guard let privateName, name.hasPrefix("__"), !name.hasSuffix("__"), !name.contains(".") else {
            return name
        }
        let stripped = privateName.drop(while: { $0 == "_" })
        if stripped.isEmpty { return name }
        return "_" + stripped + name
    }

    func lookup(_ name: String) -> Int {
        current.symbols[mangle(name)] ?? 0
    }

    func addDef(_ name: String, _ flag: Int, at position: SourcePosition, in target: Scope? = nil) {
        let scope = target ?? current
        let mangled = mangle(name)
        var value = scope.symbols[mangled] ?? 0
        if flag & SymbolFlags.parameter != 0 && value & SymbolFlags.parameter != 0 {
            report("duplicate argument '\(name)' in function definition", at: position)
        }
        value |= flag
        if scope.iteratorTarget {
            if value & (SymbolFlags.global | SymbolFlags.nonlocal) != 0 {
                report("comprehension inner loop cannot rebind assignment expression target '\(name)'", at: position)
            }
            value |= SymbolFlags.comprehensionIterator
        }
        scope.symbols[mangled] = value
        events.append(SymbolEvent(scope: scope.index, name: mangled, flag: flag, statement: statement))
        if flag & SymbolFlags.global != 0 {
            module.symbols[mangled, default: 0] |= flag
        }
    }

    func recordMutation(of expression: Expression) {
        guard let base = Self.baseName(expression) else { return }
        mutations.append(MutationEvent(scope: current.index, name: mangle(base), statement: statement))
    }

    /// The name at the root of `a`, `a.b`, `a[0].c` (nil for anything rooted elsewhere).
    static func baseName(_ expression: Expression) -> String? {
        switch expression.kind {
        case .name(let name, _): return name
        case .attribute(let value, _, _): return baseName(value)
        case .subscript(let value, _, _): return baseName(value)
        default: return nil
        }
    }

    /// `a`, `a.b.c` as a dotted string (nil when rooted at a call, subscript, …).
    static func dottedName(_ expression: Expression) -> String? {
        switch expression.kind {
        case .name(let name, _): return name
        case .attribute(let value, let attribute, _):
            guard let base = dottedName(value) else { return nil }
            return base + "." + attribute
        default: return nil
        }
    }

    // MARK: - Future imports

    static let futureFeatures: Set<String> = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    ]

    /// `future.c`: features must exist; `annotations` turns on annotation blocks.
    func checkFutureImports(_ body: [Statement]) {
        var start = 0
        if let first = body.first, case .expression(let expression) = first.kind, case .constant(.string) = expression.kind {
            start = 1
        }
        var done = false
        var previousLine = 0
        for statement in body.dropFirst(start) {
            if done && statement.range.start.line > previousLine { return }
            previousLine = statement.range.start.line
            guard case .importFrom(let module, let names, _) = statement.kind, module == "__future__" else {
                done = true
                continue
            }
            if done {
                report("from __future__ imports must occur at the beginning of the file", at: statement.range.start)
                return
            }
            for alias in names {
                if alias.name == "braces" {
                    report("not a chance", at: alias.range.start)
                } else if !Self.futureFeatures.contains(alias.name) {
                    report("future feature \(alias.name) is not defined", at: alias.range.start)
                } else if alias.name == "annotations" {
                    futureAnnotations = true
                }
            }
        }
    }

    /// Names this cell binds to a module with `import x [as y]`, so `np.append(...)` is not
    /// mistaken for mutating a variable called `np`.
    func collectModuleAliases(_ body: [Statement]) {
        for statement in body {
            if case .import(let aliases) = statement.kind {
                for alias in aliases {
                    let bound = alias.asName ?? String(alias.name.split(separator: ".").first ?? "")
                    moduleAliases.insert(bound)
                }
            }
        }
    }
}
