/// A cell magic (`%%name args` on the first line of a cell).
public struct CellMagic: Sendable, Equatable, Codable {
    /// The magic's name without `%%`, e.g. `time`, `bash`, `writefile`.
    public var name: String
    /// The rest of the first line, e.g. `-n 10` or `out`.
    public var arguments: String
    /// Whether the body is Python that runs in the kernel (`%%time`, `%%capture`, …).
    public var bodyIsPython: Bool
    /// The language of the body: `python`, `bash`, `html`, `r`, `sql`, `file` (for
    /// `%%writefile`), or the magic's own name when unknown.
    public var language: String
    /// Names the magic itself defines (`%%capture out` defines `out`).
    public var defines: [String]
    /// 1-based line of the `%%` line.
    public var line: Int

    /// Creates a cell magic fact.
    /// - Parameters:
    ///   - name: The magic's name without `%%`.
    ///   - arguments: The rest of the first line.
    ///   - bodyIsPython: Whether the body is Python.
    ///   - language: The body's language.
    ///   - defines: Names the magic defines.
    ///   - line: 1-based line of the `%%` line.
    public init(name: String, arguments: String, bodyIsPython: Bool, language: String, defines: [String] = [], line: Int) {
        self.name = name
        self.arguments = arguments
        self.bodyIsPython = bodyIsPython
        self.language = language
        self.defines = defines
        self.line = line
    }
}
