/// The body of a `main()`: the imports it needs and its statements, one per line, at column 0
/// (a template indents them). The imports belong inside `main()`: train's main may call an
/// inference function and inference's main a train function, which module-level imports
/// would turn into an import cycle.
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
