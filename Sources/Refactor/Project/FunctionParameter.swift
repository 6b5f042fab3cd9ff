/// One parameter of a stage function and where its value comes from.
public struct FunctionParameter: Sendable, Equatable, Codable {
    /// The name, as the notebook spells it.
    public var name: String
    /// The stage function that returns it (closest earlier definition, in-place changes
    /// included).
    public var providedBy: String
    /// Whether inference gets it from a saved artifact rather than by recomputing it.
    public var fromArtifact: Bool

    /// Creates a parameter.
    public init(name: String, providedBy: String, fromArtifact: Bool = false) {
        self.name = name
        self.providedBy = providedBy
        self.fromArtifact = fromArtifact
    }
}
