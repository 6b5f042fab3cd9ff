/// An assignment from IPython syntax: `files = !ls` or `t = %timeit -o f()`. The Python keeps
/// the target (`files = ...`) so the name stays defined for analysis.
public struct CapturedOutput: Sendable, Equatable, Codable {
    /// The assignment targets as written, e.g. `["files"]` or `["a", "b"]`.
    public var targets: [String]
    /// For a shell capture the command; for a magic capture the magic's name.
    public var command: String
    /// For a magic capture its arguments; empty for a shell capture.
    public var arguments: String
    /// 1-based first line.
    public var line: Int
    /// 1-based last line.
    public var endLine: Int

    /// Creates a capture fact.
    /// - Parameters:
    ///   - targets: The assignment targets.
    ///   - command: The shell command or the magic's name.
    ///   - arguments: The magic's arguments (empty for shell).
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(targets: [String], command: String, arguments: String = "", line: Int, endLine: Int) {
        self.targets = targets
        self.command = command
        self.arguments = arguments
        self.line = line
        self.endLine = endLine
    }
}
