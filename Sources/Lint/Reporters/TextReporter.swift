import Diagnostics

/// `path:line:col: severity: message [id]`, problems first, then findings; colour only when
/// asked for (the CLI asks on a TTY).
public struct TextReporter: LintReporter {
    /// Whether to colour severities.
    public var colour: Bool

    /// Creates a text reporter.
    /// - Parameter colour: `true` on a terminal.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ report: LintReport) -> String {
        let renderer = DiagnosticRenderer(colour: colour)
        return (report.problems + report.findings + report.fixes.map(\.diagnostic)).map { renderer.render($0) + "\n" }.joined()
    }
}
