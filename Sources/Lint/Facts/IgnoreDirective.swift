import Diagnostics

/// A `# nbship: ignore[ID, …] -- reason` comment (or `ignore-file[…]` for the whole file).
public struct IgnoreDirective: Sendable, Hashable {
    /// The ids named (nbship ids or a peer's, e.g. `DL3006`); empty means every rule.
    public var ruleIDs: [String]
    /// The reason after `--`, or `nil` when none was given.
    public var reason: String?
    /// `true` for `ignore-file`, which covers the whole file.
    public var isFileLevel: Bool
    /// `true` when nothing but the comment is on its line, so it covers the next statement.
    public var standsAlone: Bool
    /// Where the comment starts.
    public var location: SourceLocation
    /// The lines it covers, when it covers a block (a kube-linter annotation covers its object).
    public var lines: ClosedRange<Int>?
    /// `true` when it covers only its own line (zizmor's comments).
    public var sameLineOnly = false
    /// The peer tool whose pragma this is (`hadolint`, `trivy`, …), `nil` for nbship's own.
    /// Peers' pragmas name the peers' other rules too and need no reason, so they are not
    /// checked by the `ignore.*` rules.
    public var peer: String?

    /// Creates a directive.
    /// - Parameters:
    ///   - ruleIDs: The ids named; empty for all.
    ///   - reason: The reason, if given.
    ///   - isFileLevel: Whether it covers the whole file.
    ///   - standsAlone: Whether the comment is alone on its line.
    ///   - location: Where it starts.
    public init(ruleIDs: [String], reason: String?, isFileLevel: Bool, standsAlone: Bool, location: SourceLocation) {
        self.ruleIDs = ruleIDs
        self.reason = reason
        self.isFileLevel = isFileLevel
        self.standsAlone = standsAlone
        self.location = location
    }
}
