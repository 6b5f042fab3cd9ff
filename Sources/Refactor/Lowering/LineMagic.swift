/// A line magic used as a statement, e.g. `%matplotlib inline`, `%load_ext autoreload`.
public struct LineMagic: Sendable, Equatable, Codable {
    /// The magic's name without `%`, e.g. `matplotlib`.
    public var name: String
    /// The rest of the line (continuation lines joined with a space).
    public var arguments: String
    /// 1-based first line.
    public var line: Int
    /// 1-based last line (the same as `line` unless continued with `\`).
    public var endLine: Int

    /// Creates a line magic fact.
    /// - Parameters:
    ///   - name: The magic's name without `%`.
    ///   - arguments: The rest of the line.
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(name: String, arguments: String, line: Int, endLine: Int) {
        self.name = name
        self.arguments = arguments
        self.line = line
        self.endLine = endLine
    }
}
