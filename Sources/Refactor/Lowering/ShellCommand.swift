/// A shell command run from a cell: `!cmd`, `!!cmd`, `%sx cmd`, `%system cmd`.
public struct ShellCommand: Sendable, Equatable, Codable {
    /// The command line as written (IPython still expands `{expr}` and `$name` in it).
    public var command: String
    /// Whether the output is captured as a list (`!!cmd`, `%sx`) rather than printed.
    public var capturesOutput: Bool
    /// 1-based first line.
    public var line: Int
    /// 1-based last line.
    public var endLine: Int

    /// Creates a shell command fact.
    /// - Parameters:
    ///   - command: The command line.
    ///   - capturesOutput: Whether the output is captured.
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(command: String, capturesOutput: Bool, line: Int, endLine: Int) {
        self.command = command
        self.capturesOutput = capturesOutput
        self.line = line
        self.endLine = endLine
    }
}
