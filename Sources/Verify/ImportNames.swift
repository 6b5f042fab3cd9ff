import PythonSyntax

/// Local names bound by imports, mapped to what they import (`np` → `numpy`,
/// `tts` → `sklearn.model_selection.train_test_split`), so a call can be known by its
/// qualified name.
struct ImportNames {
    private var names: [String: String] = [:]

    mutating func add(_ imports: [ImportFact]) {
        for fact in imports {
            if let name = fact.name {
                guard name != "*" else { continue }
                names[fact.alias ?? name] = "\(fact.module).\(name)"
            } else if let alias = fact.alias {
                names[alias] = fact.module
            } else if let root = fact.module.split(separator: ".").first {
                names[String(root)] = String(root)
            }
        }
    }

    /// The qualified name of a dotted callee whose first part was imported (`builtins.NAME`
    /// for a bare name nothing imported), else `nil`.
    func qualified(_ dotted: String) -> String? {
        let parts = dotted.split(separator: ".", maxSplits: 1)
        guard let first = parts.first else { return nil }
        guard let module = names[String(first)] else { return parts.count == 1 ? "builtins.\(first)" : nil }
        return parts.count == 2 ? "\(module).\(parts[1])" : module
    }
}
