/// One name in an import: `a.b as c` or `x` in `from m import x`.
public struct Alias: Sendable, Equatable {
    /// The imported name (dotted for `import a.b`, `*` for a star import).
    public var name: String
    /// The `as` name.
    public var asName: String?
    /// Where it is.
    public var range: SourceRange

    /// Creates an alias.
    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }
}
