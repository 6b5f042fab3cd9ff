/// The body of a `main()`: the imports it needs and its statements, one per line, at column 0
/// (a template indents them).
public struct PipelineRun: Sendable, Equatable, Codable {
    /// Import lines (`from .data import load_data`), sorted.
    public var imports: [String]
    /// The statements, in order.
    public var lines: [String]

    /// Creates a run.
    public init(imports: [String], lines: [String]) {
        self.imports = imports
        self.lines = lines
    }
}
