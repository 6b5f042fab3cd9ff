/// A peer tool's rule that checks the same thing, so users can map their ignores
/// (`hadolint DL3006`, `trivy DS001`, `checkov CKV_K8S_14`, `kube-linter latest-tag`).
public struct RuleEquivalent: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tool, e.g. `hadolint`.
    public var tool: String
    /// The tool's id, e.g. `DL3006`.
    public var id: String

    /// Creates an equivalent.
    /// - Parameters:
    ///   - tool: The tool.
    ///   - id: The tool's rule id.
    public init(_ tool: String, _ id: String) {
        self.tool = tool
        self.id = id
    }

    public var description: String { "\(tool):\(id)" }
}
