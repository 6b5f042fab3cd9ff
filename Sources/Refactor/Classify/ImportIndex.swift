import PythonSyntax

/// Which module each imported name of the notebook comes from (`pd` → `pandas`,
/// `LogisticRegression` → `sklearn.linear_model`), for telling a model constructor from
/// any other capitalised call.
struct ImportIndex: Sendable {
    private var modules: [String: String] = [:]

    init(_ cells: [AnalysedCell]) {
        for cell in cells {
            for fact in cell.facts?.imports ?? [] {
                if let name = fact.name, name != "*" {
                    modules[fact.alias ?? name] = fact.module + "." + name
                } else if let alias = fact.alias {
                    modules[alias] = fact.module
                } else if let first = fact.module.split(separator: ".").first {
                    modules[String(first)] = String(first)
                }
            }
        }
    }

    /// The full dotted origin of a dotted name: `lm.LinearRegression` with `import
    /// sklearn.linear_model as lm` gives `sklearn.linear_model.LinearRegression`; a name
    /// that was not imported gives itself.
    func resolve(_ dotted: String) -> String {
        let parts = dotted.split(separator: ".", maxSplits: 1)
        guard let root = parts.first, let module = modules[String(root)] else { return dotted }
        return parts.count == 2 ? module + "." + parts[1] : module
    }
}
