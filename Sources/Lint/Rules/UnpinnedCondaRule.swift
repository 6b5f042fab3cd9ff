import Diagnostics

/// `conda.unpinned`: a `conda`/`mamba`/`micromamba` install (Dockerfile or notebook) without
/// an exact version (`=x.y.z` or `==x.y.z`).
public struct UnpinnedCondaRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "conda.unpinned",
        name: "Unpinned conda install",
        summary: "a package installed by conda or mamba without an exact version",
        rationale: "the solver picks the newest build it can; environments drift between runs",
        triggeringExamples: [
            RuleExample("Dockerfile", "RUN conda install -y -c conda-forge ↓numpy"),
            RuleExample("Dockerfile", "RUN mamba install ↓'scipy>=1.10'"),
            RuleExample.notebook(["%conda install ↓pandas"]),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "RUN conda install -y numpy=1.26.4 conda-forge::scipy==1.11.4"),
            RuleExample("Dockerfile", "RUN conda install --file environment.txt"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.ecosystem == .conda, install.context != .condaEnvironment, install.pin < .exact else { return nil }
            let what = install.pin == .none ? "without a version" : "with a range, not an exact version"
            return finding("conda installs \(install.subject) \(what)", at: install.location, notes: [install.pinAdvice])
        }
    }
}
