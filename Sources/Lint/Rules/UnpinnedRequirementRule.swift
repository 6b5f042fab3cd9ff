import Diagnostics

/// `requirements.unpinned`: a line of a requirements or constraints file that is not pinned
/// with `==`/`===` (a VCS URL needs a full commit hash), unless a `-c` constraints file pins it.
public struct UnpinnedRequirementRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "requirements.unpinned",
        name: "Unpinned requirement",
        summary: "a requirement not pinned to one version with '==' or '==='",
        rationale: "a requirements file is the record of what was tested; a range or a branch installs something "
            + "else tomorrow",
        triggeringExamples: [
            RuleExample("requirements.txt", "numpy==1.26.4\n↓pandas>=2\n↓scipy\n"),
            RuleExample("requirements.txt", "↓requests[socks] ~= 2.31 ; python_version >= \"3.8\"\n"),
            RuleExample("requirements.txt", "↓mylib @ git+https://github.com/o/mylib.git@main\n"),
            RuleExample("requirements.txt", "-r base.txt\n", neighbours: ["base.txt": "↓flask\n"]),
            RuleExample("requirements-dev.txt", "pytest==8.0.0 \\\n    --hash=sha256:abc\n↓black==24.*\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("requirements.txt", "# comment\nnumpy==1.26.4  # pinned\n-e .\n./local/pkg\n"),
            RuleExample("requirements.txt", "mylib @ git+https://github.com/o/mylib.git@0123456789abcdef0123456789abcdef01234567\n"),
            RuleExample("requirements.txt", "-c constraints.txt\npandas\n", neighbours: ["constraints.txt": "pandas==2.2.2\n"]),
            RuleExample("requirements.txt", "Django===4.2.11 ; python_version >= \"3.10\"\n--index-url https://example.com/simple\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.context == .requirements, install.pin < .exact else { return nil }
            let what = install.pin == .none ? "has no version" : "is a range or a movable reference, not one version"
            return finding("requirement \(install.subject) \(what)", at: install.location,
                           notes: ["pin it with '==' (a VCS URL needs '@<commit hash>')"])
        }
    }
}
