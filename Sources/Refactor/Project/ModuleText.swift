/// A generated module split into the pieces a template lays out: the docstring, the import
/// lines, then the top-level blocks (moved definitions, `load_model`, stage functions,
/// `main()` and the `__main__` guard), each separated by two blank lines.
///
/// ``ProjectPlan/moduleText(named:)`` builds it; ``rendered`` is the reference layout that
/// the bundled templates reproduce byte for byte.
public struct ModuleText: Sendable, Equatable, Codable {
    /// The module docstring line, quotes included.
    public var docstring: String
    /// Import lines: third-party ones sorted, then the package's own.
    public var imports: [String]
    /// The top-level blocks, each without a trailing newline.
    public var blocks: [String]

    /// Creates a module text.
    public init(docstring: String, imports: [String], blocks: [String]) {
        self.docstring = docstring
        self.imports = imports
        self.blocks = blocks
    }

    /// The module as Python: the pieces joined by two blank lines, ending in a newline.
    public var rendered: String {
        var pieces = [docstring]
        if !imports.isEmpty { pieces.append(imports.joined(separator: "\n")) }
        pieces += blocks
        return pieces.joined(separator: "\n\n\n") + "\n"
    }
}
