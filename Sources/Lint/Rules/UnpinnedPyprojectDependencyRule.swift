import Diagnostics

/// `pyproject.unpinned`: a `pyproject.toml` dependency (`[project].dependencies`,
/// `optional-dependencies`, `[dependency-groups]`) that the policy says must be pinned.
/// Under the `app` policy (default) everything needs `==`; under `library` only a dependency
/// with no version bound at all is flagged.
public struct UnpinnedPyprojectDependencyRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "pyproject.unpinned",
        name: "Unpinned pyproject dependency",
        summary: "a pyproject.toml dependency not pinned as the policy ('app' or 'library') requires",
        rationale: "an application must install what it was tested with; a library may allow ranges but an "
            + "unbounded dependency breaks as soon as the dependency does",
        triggeringExamples: [
            RuleExample("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"numpy==1.26.4\", \"↓pandas>=2\"]\n"),
            RuleExample("pyproject.toml", "[project]\nname = \"x\"\n[project.optional-dependencies]\nplot = [\n  \"↓matplotlib\",\n]\n[dependency-groups]\ndev = [\"↓pytest>=8\", {include-group = \"plot\"}]\n"),
            RuleExample("pyproject.toml", "[project]\ndependencies = [\"↓requests\", \"flask>=3,<4\"]\n",
                        configuration: LintConfiguration(policy: .library)),
            RuleExample("pyproject.toml", "[tool.poetry]\nname = \"x\"\n\n[tool.poetry.dependencies]\npython = \"^3.11\"\n↓requests = \"^2.31\"\n↓numpy = \"*\"\n↓pandas = { version = \"~2.2\", extras = [\"pyarrow\"] }\nflask = \"3.0.3\"\n\n[tool.poetry.group.dev.dependencies]\n↓pytest = \">=8\"\n"),
            RuleExample("pyproject.toml", "[tool.pdm.dev-dependencies]\ntest = [\"↓pytest>=8\"]\n\n[tool.hatch.envs.default]\ndependencies = [\"↓coverage\"]\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("pyproject.toml", "[project]\ndependencies = [\"numpy==1.26.4\", 'pandas===2.2.2']\n"),
            RuleExample("pyproject.toml", "[project]\ndependencies = [\"flask>=3,<4\"]\n",
                        configuration: LintConfiguration(policy: .library)),
            RuleExample("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\nrequests = \"2.32.3\"\nlocal = { path = \"../lib\" }\nlib = { git = \"https://example.com/lib.git\", rev = \"\(String(repeating: "a", count: 40))\" }\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard case .pyproject(let table) = install.context else { return nil }
            switch configuration.policy {
            case .app:
                guard install.pin < .exact else { return nil }
                return finding("\(table) entry \(install.subject) is not pinned with '=='", at: install.location,
                               notes: ["policy 'app' requires every dependency pinned; set policy = \"library\" in .nbship.toml for a library"])
            case .library:
                guard install.pin == .none else { return nil }
                return finding("\(table) entry \(install.subject) has no version bound", at: install.location,
                               notes: ["policy 'library' allows ranges, but needs at least a lower bound"])
            }
        }
    }
}
