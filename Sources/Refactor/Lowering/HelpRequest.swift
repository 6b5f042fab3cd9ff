/// An object-help request: `obj?`, `obj??`, `?obj`, `%pinfo obj`.
public struct HelpRequest: Sendable, Equatable, Codable {
    /// What help is asked for, e.g. `pd.read_csv` (empty for a bare `?`).
    public var target: String
    /// Whether the detailed form (`??`, `%pinfo2`) was used.
    public var detailed: Bool
    /// 1-based first line.
    public var line: Int
    /// 1-based last line.
    public var endLine: Int

    /// Creates a help fact.
    /// - Parameters:
    ///   - target: What help is asked for.
    ///   - detailed: Whether `??` was used.
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(target: String, detailed: Bool, line: Int, endLine: Int) {
        self.target = target
        self.detailed = detailed
        self.line = line
        self.endLine = endLine
    }
}
