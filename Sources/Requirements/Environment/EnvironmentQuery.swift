/// What the resolver wants to know from a ``DistributionEnvironment``.
public struct EnvironmentQuery: Sendable, Hashable, Codable {
    /// Distribution names (any spelling) whose installed versions are wanted.
    public var distributions: [String]
    /// Dotted module names whose providing distributions are wanted.
    public var modules: [String]

    /// Creates a query.
    /// - Parameters:
    ///   - distributions: Distribution names; sorted and de-duplicated.
    ///   - modules: Module names; sorted and de-duplicated.
    public init(distributions: [String], modules: [String]) {
        self.distributions = Array(Set(distributions)).sorted()
        self.modules = Array(Set(modules)).sorted()
    }
}
