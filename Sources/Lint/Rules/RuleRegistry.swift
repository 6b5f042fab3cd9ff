/// Every rule nbship has, in a stable order.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any LintRule] = [
        UntaggedImageRule(), LatestTagRule(), FloatingTagRule(), MissingDigestRule(), UnresolvableReferenceRule(),
        InvalidReferenceRule(), RegistryNotAllowedRule(), UnpinnedPipRule(), UnpinnedRequirementRule(),
        UnpinnedPyprojectDependencyRule(), UnpinnedNotebookInstallRule(), UnpinnedCondaRule(), UnpinnedAptRule(),
        UnpinnedApkRule(), UnpinnedNpmRule(), UnpinnedActionRule(), ActionNotSHARule(), UnpinnedIncludeRule(),
        UnpinnedEnvironmentRule(), UnpinnedPipfileRule(), IncludeCycleRule(), VersionMismatchRule(),
        IgnoreWithoutReasonRule(), IgnoreUnknownRuleRule(),
    ]

    /// The description of the rule with an id, if there is one.
    /// - Parameter id: An nbship rule id.
    /// - Returns: The description.
    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.description.id == id }?.description
    }

    /// The nbship rule ids an id stands for: itself if it is an nbship id, otherwise the rules
    /// that list it as an equivalent (`DL3006` → `image.untagged`).
    /// - Parameter id: An nbship or peer id.
    /// - Returns: The matching nbship ids (empty when unknown).
    public static func ruleIDs(matching id: String) -> [String] {
        let lowered = id.lowercased()
        return all.map(\.description).filter { description in
            description.id == lowered || description.equivalents.contains { $0.id.lowercased() == lowered }
        }.map(\.id)
    }
}
