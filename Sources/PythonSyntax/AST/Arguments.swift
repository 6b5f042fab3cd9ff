/// The parameters of a function or lambda, as in CPython's `ast.arguments`.
public struct Arguments: Sendable, Equatable {
    /// Positional-only parameters (before `/`).
    public var positionalOnly: [Parameter] = []
    /// Ordinary parameters.
    public var positional: [Parameter] = []
    /// `*args`.
    public var variadic: Parameter?
    /// Keyword-only parameters (after `*` or `*args`).
    public var keywordOnly: [Parameter] = []
    /// Defaults of keyword-only parameters (`nil` where there is none), aligned with `keywordOnly`.
    public var keywordDefaults: [Expression?] = []
    /// `**kwargs`.
    public var keywordVariadic: Parameter?
    /// Defaults of the last positional(-only) parameters.
    public var defaults: [Expression] = []

    /// Creates empty arguments.
    public init() {}

    /// Every parameter, in CPython's order: positional-only, positional, keyword-only,
    /// `*args`, `**kwargs`.
    public var allParameters: [Parameter] {
        var result = positionalOnly + positional + keywordOnly
        if let variadic { result.append(variadic) }
        if let keywordVariadic { result.append(keywordVariadic) }
        return result
    }
}
