import Diagnostics

/// A check over one file's ``FileFacts``. Each rule lives in its own file.
public protocol LintRule: Sendable {
    /// What the rule checks, with its examples.
    var description: RuleDescription { get }
    /// Returns the findings for one file, with the rule's default severity; the linter applies
    /// configured severities and ignores afterwards.
    /// - Parameters:
    ///   - facts: What the file names and installs.
    ///   - configuration: The effective configuration.
    /// - Returns: The findings.
    func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic]
}

extension LintRule {
    /// A finding of this rule at a location.
    /// - Parameters:
    ///   - message: Lower-case, no final period.
    ///   - location: Where.
    ///   - notes: Extra lines.
    /// - Returns: The diagnostic.
    func finding(_ message: String, at location: SourceLocation, notes: [String] = []) -> Diagnostic {
        Diagnostic(
            id: description.id, severity: description.defaultSeverity, message: message,
            location: location, notes: notes)
    }
}
