extension SymbolTableBuilder {
    /// `analyze_block` of CPython's `symtable.c`: resolves every name of a block, then of its
    /// children with copies of the bound and global sets.
    func analyzeBlock(_ scope: Scope, bound: inout Set<String>?, global: inout Set<String>) {
        var local = Set<String>()
        var newGlobal = Set<String>()
        var newBound = Set<String>()
        if scope.kind == .classBody {
            newGlobal.formUnion(global)
            if let bound { newBound.formUnion(bound) }
        }
        for name in scope.symbols.keys.sorted() {
            let flags = scope.symbols[name] ?? 0
            analyzeName(scope, name, flags, bound: &bound, local: &local, global: &global)
        }
        if scope.kind != .classBody {
            if scope.isFunctionLike {
                newBound.formUnion(local)
            }
            if let bound { newBound.formUnion(bound) }
            newGlobal.formUnion(global)
        } else {
            newBound.insert("__class__")
        }
        for child in scope.children {
            var childBound: Set<String>? = newBound
            var childGlobal = newGlobal
            analyzeBlock(child, bound: &childBound, global: &childGlobal)
        }
    }

    func analyzeName(_ scope: Scope, _ name: String, _ flags: Int, bound: inout Set<String>?, local: inout Set<String>, global: inout Set<String>) {
        let directive = scope.directives[name] ?? SourcePosition.start
        if flags & SymbolFlags.global != 0 {
            if flags & SymbolFlags.nonlocal != 0 {
                report("name '\(name)' is nonlocal and global", at: directive)
            }
            scope.resolved[name] = .globalExplicit
            global.insert(name)
            bound?.remove(name)
            return
        }
        if flags & SymbolFlags.nonlocal != 0 {
            guard let bound else {
                report("nonlocal declaration not allowed at module level", at: directive)
                scope.resolved[name] = .free
                return
            }
            if !bound.contains(name) {
                report("no binding for nonlocal '\(name)' found", at: directive)
            }
            scope.resolved[name] = .free
            return
        }
        if flags & SymbolFlags.bound != 0 {
            scope.resolved[name] = .local
            local.insert(name)
            global.remove(name)
            return
        }
        if let bound, bound.contains(name) {
            scope.resolved[name] = .free
            return
        }
        scope.resolved[name] = .globalImplicit
    }
}
