/// The pattern kinds of PEP 634, shaped like CPython's `ast` module.
public indirect enum PatternKind: Sendable, Equatable {
    /// A literal or dotted value (`1`, `"a"`, `Color.RED`).
    case value(Expression)
    /// `None`, `True`, `False`.
    case singleton(Constant)
    /// `[a, *rest]` or `(a, b)`.
    case sequence([Pattern])
    /// `{key: pattern, **rest}`.
    case mapping(keys: [Expression], patterns: [Pattern], rest: String?)
    /// `Class(p, attr=q)`.
    case classPattern(cls: Expression, patterns: [Pattern], keywordNames: [String], keywordPatterns: [Pattern])
    /// `*name` or `*_` (name `nil`).
    case star(String?)
    /// `pattern as name`, a capture `name` (pattern `nil`), or the wildcard `_` (both `nil`).
    case asPattern(pattern: Pattern?, name: String?)
    /// `p | q`.
    case or([Pattern])
}
