import Diagnostics

/// `requirements.include-cycle`: requirements files that include each other (`-r`/`-c`) in a
/// loop.
public struct IncludeCycleRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "requirements.include-cycle",
        name: "Requirements include cycle",
        summary: "a '-r' or '-c' line that names a file already being read, closing a loop",
        rationale: "a loop of includes is a mistake: the files' intended layering is lost and tools disagree about it",
        triggeringExamples: [
            RuleExample("requirements.txt", "flask==3.0.3\n-r dev.txt\n",
                        neighbours: ["dev.txt": "pytest==8.2.2\n↓-r requirements.txt\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample("requirements.txt", "-r base.txt\n-c base.txt\n", neighbours: ["base.txt": "flask==3.0.3\n"]),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.includeCycles.map { cycle in
            finding("requirements include loop: \(cycle.chain.joined(separator: " → "))", at: cycle.location)
        }
    }
}
