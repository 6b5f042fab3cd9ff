/// Turns a ``LintReport`` into the text of one output format. Reporters return text; only
/// the command-line layer prints it.
public protocol LintReporter: Sendable {
    /// Renders a report.
    /// - Parameter report: The findings and problems.
    /// - Returns: The whole output, ending with a newline when not empty.
    func render(_ report: LintReport) -> String
}
