import Diagnostics

/// One change `nbship lint --fix` made (or would make, with `--diff`).
public struct AppliedFix: Sendable, Hashable {
    /// The rule whose finding it fixes.
    public var ruleID: String
    /// Where the changed text starts (as the finding was located).
    public var location: SourceLocation
    /// The text before.
    public var before: String
    /// The text after.
    public var after: String

    /// Creates a fix record.
    public init(ruleID: String, location: SourceLocation, before: String, after: String) {
        self.ruleID = ruleID
        self.location = location
        self.before = before
        self.after = after
    }

    /// The fix as a note-level diagnostic of its rule, for the reporters.
    public var diagnostic: Diagnostic {
        Diagnostic(id: ruleID, severity: .note, message: "fixed: '\(before)' → '\(after)'", location: location)
    }
}
