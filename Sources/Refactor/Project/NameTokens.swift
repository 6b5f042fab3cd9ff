import PythonSyntax

/// Where names are used as names in tokenized source: not attributes (`x.name`) and not
/// keyword arguments (`f(name=…)`), which a rename must leave alone.
enum NameTokens {
    /// The name tokens among `tokens` whose text is one of `names`, in order.
    /// - Parameters:
    ///   - tokens: The tokens of a piece of source.
    ///   - names: The names wanted.
    /// - Returns: The matching tokens.
    static func references(in tokens: [Token], to names: Set<String>) -> [Token] {
        var depth = 0
        var found: [Token] = []
        for (index, token) in tokens.enumerated() {
            if token.kind == .op {
                if ["(", "[", "{"].contains(token.text) { depth += 1 }
                if [")", "]", "}"].contains(token.text) { depth -= 1 }
                continue
            }
            guard token.kind == .name, names.contains(token.text) else { continue }
            if index > 0, tokens[index - 1].kind == .op, tokens[index - 1].text == "." { continue }
            if depth > 0, index + 1 < tokens.count, tokens[index + 1].kind == .op, tokens[index + 1].text == "=" { continue }
            found.append(token)
        }
        return found
    }
}
