import Diagnostics

/// The result of linting: findings by the rules, and problems reading files.
public struct LintReport: Sendable, Equatable {
    /// Rule findings after ignores, sorted by file, cell, line, column and id.
    public var findings: [Diagnostic]
    /// Files that could not be read or parsed (exit code 2).
    public var problems: [Diagnostic]
    /// The files linted.
    public var files: [String]
    /// What `--fix` changed (or, with `--diff`, would change).
    public var fixes: [AppliedFix] = []

    /// Creates a report.
    public init(findings: [Diagnostic] = [], problems: [Diagnostic] = [], files: [String] = []) {
        self.findings = findings
        self.problems = problems
        self.files = files
    }

    /// The findings at or above a severity.
    /// - Parameter threshold: The lowest severity that counts.
    /// - Returns: The findings that count.
    public func findings(atLeast threshold: Severity) -> [Diagnostic] {
        findings.filter { $0.severity >= threshold }
    }
}
