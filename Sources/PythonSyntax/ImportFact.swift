/// One imported name: `import a.b` gives module `a.b`, name `nil`; `from .m import x as y`
/// gives module `.m`, name `x` (the alias is in `alias`).
public struct ImportFact: Sendable, Hashable, Codable {
    /// The module, with leading dots for relative imports (`..pkg`, `.`).
    public var module: String
    /// The imported name for `from … import name`, `*` for a star import, `nil` for `import module`.
    public var name: String?
    /// The `as` alias, when present.
    public var alias: String?

    /// Creates an import fact.
    public init(module: String, name: String? = nil, alias: String? = nil) {
        self.module = module
        self.name = name
        self.alias = alias
    }
}
