/// A `get_ipython().method(...)` statement written by the user (or an IPython autocall line
/// such as `/f a b`, recorded with method `autocall`).
public struct IPythonCall: Sendable, Equatable, Codable {
    /// The method called, e.g. `run_line_magic`, `system`.
    public var method: String
    /// The argument list as written, without the parentheses.
    public var arguments: String
    /// Assignment targets when the call's result is assigned (`out = get_ipython().getoutput(…)`).
    public var targets: [String]
    /// 1-based first line.
    public var line: Int
    /// 1-based last line.
    public var endLine: Int

    /// Creates a `get_ipython()` call fact.
    /// - Parameters:
    ///   - method: The method called.
    ///   - arguments: The argument list as written.
    ///   - targets: Assignment targets, if any.
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(method: String, arguments: String, targets: [String] = [], line: Int, endLine: Int) {
        self.method = method
        self.arguments = arguments
        self.targets = targets
        self.line = line
        self.endLine = endLine
    }
}
