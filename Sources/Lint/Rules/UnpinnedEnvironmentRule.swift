import Diagnostics

/// `environment.unpinned`: a conda `environment.yml` dependency (or an entry of its `pip:`
/// list) without an exact version. `=2.2` is conda's fuzzy match (any 2.2.x); `==2.2.2`,
/// `=2.2.2` and `=2.2.2=build` are exact.
public struct UnpinnedEnvironmentRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "environment.unpinned",
        name: "Unpinned environment.yml dependency",
        summary: "a conda environment dependency (or pip entry) without an exact version",
        rationale: "'conda env create' solves afresh each time; without exact versions the environment changes between "
            + "machines and days",
        triggeringExamples: [
            RuleExample("environment.yml", "name: ml\nchannels: [conda-forge]\ndependencies:\n  - ↓numpy\n  - ↓pandas=2.2\n  - scipy==1.13.1\n  - pip:\n    - ↓requests>=2\n"),
            RuleExample("environment.yml", "dependencies:\n  - ↓conda-forge::polars>=1.0\n  - python=3.12.4=h2628c8c_0_cpython\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("environment.yml", "name: ml\ndependencies:\n  - numpy==1.26.4\n  - pandas=2.2.2\n  - scipy=1.13.1=py312h\n  - pip:\n    - requests==2.32.3\n    - -r requirements.txt\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.context == .condaEnvironment, install.pin < .exact else { return nil }
            let what = install.pin == .none ? "has no version" : "is not an exact version"
            let advice = install.ecosystem == .conda ? "pin with '==x.y.z' or '=x.y.z=build'" : install.pinAdvice
            return finding("environment dependency \(install.subject) \(what)", at: install.location, notes: [advice])
        }
    }
}
