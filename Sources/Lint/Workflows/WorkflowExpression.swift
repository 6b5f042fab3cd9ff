/// A `${{ … }}` expression in a workflow value.
struct WorkflowExpression: Sendable, Hashable {
    /// The whole expression, `${{ matrix.python }}`.
    var text: String
    /// What is between the braces, trimmed.
    var body: String

    /// `python` for `matrix.python` (or `matrix['python']`), else `nil`.
    var matrixKey: String? {
        guard body.hasPrefix("matrix.") else { return nil }
        let key = body.dropFirst("matrix.".count)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return String(key)
    }

    /// The expressions in a text, in order.
    static func all(in text: String) -> [WorkflowExpression] {
        var result: [WorkflowExpression] = []
        var rest = text[...]
        while let open = rest.range(of: "${{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let whole = String(rest[open.lowerBound..<close.upperBound])
            result.append(WorkflowExpression(text: whole, body: rest[open.upperBound..<close.lowerBound].trimmingSpaces))
            rest = rest[close.upperBound...]
        }
        return result
    }
}
