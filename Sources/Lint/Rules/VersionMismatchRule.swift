import Diagnostics

/// `consistency.version-mismatch`: one distribution or image pinned to different versions in
/// two files of the repository. It compares files, so it runs when several files are linted
/// together (`nbship lint` over a repository or a directory); each place is reported, naming
/// the other.
public struct VersionMismatchRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "consistency.version-mismatch",
        name: "Version mismatch between files",
        summary: "the same package or image pinned to different versions in two files",
        rationale: "the notebook, the image and CI then test and ship different software; one of the pins is stale",
        triggeringExamples: [
            RuleExample("requirements.txt", "↓pandas==2.2.2\nnumpy==1.26.4\n",
                        neighbours: ["environment.yml": "dependencies:\n  - numpy==1.26.4\n  - pip:\n    - ↓pandas==2.1.4\n"],
                        lintsNeighbours: true),
            RuleExample("Dockerfile", "FROM ↓python:3.12-slim\n",
                        neighbours: [".gitlab-ci.yml": "test:\n  image: ↓python:3.11\n  script: [pytest]\n"], lintsNeighbours: true),
        ],
        nonTriggeringExamples: [
            RuleExample("requirements.txt", "pandas==2.2.2\n",
                        neighbours: ["pyproject.toml": "[project]\ndependencies = [\"pandas==2.2.2\"]\n"], lintsNeighbours: true),
            RuleExample("Dockerfile", "FROM python:3.12-slim\n",
                        neighbours: [".gitlab-ci.yml": "test:\n  image: python:3.12\n  script: [pytest]\n"], lintsNeighbours: true),
        ]
    )

    /// Single files have nothing to compare; see ``findings(across:)``.
    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] { [] }

    /// A pinned thing seen in one file.
    struct Pin {
        var key: String
        var display: String
        var version: String
        var comparable: String
        var location: SourceLocation
    }

    /// The findings over several files' facts.
    /// - Parameters:
    ///   - files: The facts of each file linted.
    ///   - isAccepted: Whether a place is ignored for this rule; an ignored place takes no part,
    ///     so one ignore comment accepts a deliberate difference.
    /// - Returns: One finding per place whose version differs from another file's.
    public func findings(across files: [FileFacts], isAccepted: (SourceLocation) -> Bool = { _ in false }) -> [Diagnostic] {
        var pins: [String: [Pin]] = [:]
        for facts in files {
            for install in facts.installs {
                guard let version = install.exactVersion else { continue }
                let family = install.ecosystem == .conda ? "conda" : install.ecosystem.rawValue
                let key = family + ":" + PythonRequirement.normalise(install.name)
                pins[key, default: []].append(Pin(
                    key: key, display: "'\(install.name)'", version: version, comparable: version, location: install.location))
            }
            for use in facts.images {
                guard let (reference, assumption) = use.reference, assumption == nil, !use.written.contains("${{"),
                      let tag = reference.tag, let number = Self.versionPrefix(of: tag) else { continue }
                let key = "image:" + reference.repository
                pins[key, default: []].append(Pin(
                    key: key, display: "image '\(reference.path)'", version: tag, comparable: number, location: use.location))
            }
        }
        var results: [Diagnostic] = []
        for key in pins.keys.sorted() {
            guard let group = pins[key]?.filter({ !isAccepted($0.location) }), Set(group.map(\.comparable)).count > 1 else { continue }
            for pin in group {
                let others = group.filter { $0.location.path != pin.location.path && $0.comparable != pin.comparable }
                guard let other = others.first else { continue }
                let more = others.count > 1 ? " (and \(others.count - 1) more)" : ""
                results.append(finding(
                    "\(pin.display) is pinned to \(pin.version) here but to \(other.version) in "
                        + "\(other.location.path):\(other.location.line)\(more)",
                    at: pin.location))
            }
        }
        return results
    }

    /// `3.12` for `3.12-slim`; `nil` for a tag that does not start with a version.
    static func versionPrefix(of tag: String) -> String? {
        var text = Substring(tag)
        if text.first == "v" { text = text.dropFirst() }
        let number = text.prefix { $0.isNumber || $0 == "." }
        return number.first?.isNumber == true ? String(number) : nil
    }
}
