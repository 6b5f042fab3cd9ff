/// Package names that are valid, PEP 8 style Python identifiers and PEP 503 normalised
/// distribution names.
enum PackageName {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
    ]

    /// `My Churn-Model (v2).ipynb` → `my_churn_model_v2`: lower case, runs of other
    /// characters become one `_`, a leading digit gets `nb_`; a name that would shadow a
    /// keyword or a module the notebook imports gets `_project`.
    /// - Parameters:
    ///   - raw: A notebook path or a requested name.
    ///   - avoiding: Top-level module names the notebook imports.
    /// - Returns: The import name.
    static func make(from raw: String, avoiding: Set<String>) -> String {
        var file = String(raw.split(separator: "/").last ?? Substring(raw))
        if file.hasSuffix(".ipynb") { file = String(file.dropLast(6)) }
        var out = ""
        for character in file.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                out.append(character)
            } else if !out.isEmpty && out.last != "_" {
                out.append("_")
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty { out = "notebook" }
        if out.first?.isNumber == true { out = "nb_" + out }
        if keywords.contains(out) || avoiding.contains(out) || PythonBuiltins.names.contains(out) { out += "_project" }
        return out
    }

    /// The PEP 503 distribution name of an import name (`my_model` → `my-model`).
    static func distribution(of name: String) -> String {
        name.replacing("_", with: "-")
    }
}
