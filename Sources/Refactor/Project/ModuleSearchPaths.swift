import PythonSyntax

/// The folders a notebook adds to `sys.path` (`sys.path.insert(0, "..")`,
/// `sys.path.append(os.path.abspath("../src"))`), relative to its own folder, in notebook
/// order: where its local helper modules are found besides its folder.
public enum ModuleSearchPaths {
    /// The folders, each once.
    /// - Parameter plan: The notebook's plan.
    /// - Returns: Paths relative to the notebook's folder (or absolute), e.g. `..`.
    public static func directories(of plan: NotebookPlan) -> [String] {
        var paths = PathExpression()
        var found: [String] = []
        var piece = 0
        for cell in plan.analysis.codeCells {
            guard let python = cell.lowered?.python else { continue }
            let source = CellSource(cell: cell.index, python: python)
            guard let module = source.analysis.module else { continue }
            for (index, statement) in module.body.enumerated() {
                SyntaxWalk.expressions(in: statement) { expression in
                    guard case .call(let function, let arguments, _) = expression.kind,
                          let callee = SyntaxWalk.dottedName(function),
                          callee == "sys.path.insert" || callee == "sys.path.append",
                          let last = arguments.last, let value = paths.value(of: last) else { return }
                    if !found.contains(value) { found.append(value) }
                }
                let defines = index < source.analysis.statements.count ? source.analysis.statements[index].facts.defines : []
                paths.record(statement, defines: defines, piece: piece)
                piece += 1
            }
        }
        return found
    }
}
