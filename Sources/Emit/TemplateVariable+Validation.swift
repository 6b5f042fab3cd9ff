extension TemplateVariable {
    /// Why `value` is not acceptable for this variable, or `nil` when it is.
    /// - Parameter value: A candidate value.
    /// - Returns: A lower-case reason (`expected one of a, b`, `it must match ^[a-z]+$`), or `nil`.
    public func problem(with value: String) -> String? {
        if let choices, !choices.contains(value) {
            return "expected one of \(choices.joined(separator: ", "))"
        }
        if let pattern {
            let matches = (try? Regex(pattern).wholeMatch(in: value)).flatMap { $0 } != nil
            if !matches { return "it must match \(pattern)" }
        }
        return nil
    }
}
