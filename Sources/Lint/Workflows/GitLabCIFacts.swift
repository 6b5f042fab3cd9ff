import Diagnostics
import Yams

/// Reads a GitLab CI file: `image:` and `services:` (string and `name:` forms) at the top,
/// under `default:` and in every job, with `$VAR`/`${VAR}` expanded from the top-level and
/// the job's `variables:`; and `include:` entries fetched by reference (`project:` with
/// `ref:`, `remote:` URLs, `component:`). Local files and GitLab's own templates are not
/// references to pin.
public enum GitLabCIFacts {
    /// Top-level keys that are not jobs.
    static let keywords: Set<String> = [
        "stages", "variables", "include", "workflow", "default", "image", "services", "before_script", "after_script",
        "cache", "spec",
    ]

    /// Predefined variables that name the pipeline's own build (`$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA`):
    /// an image made from the commit being tested is not a floating pull.
    static let pipelineOwn = ["CI_REGISTRY_IMAGE", "CI_COMMIT_SHA", "CI_COMMIT_SHORT_SHA", "CI_COMMIT_TAG", "CI_PIPELINE_ID"]

    /// Extracts the facts of a GitLab CI file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let (documents, problem) = YAMLLines.documents(text, path: path)
        if let problem { facts.problems.append(problem) }
        let lines = YAMLLines(text: text, path: path)
        for document in documents {
            guard let root = document.mapping else { continue }
            let globals = variables(root["variables"], base: [:])
            images(in: root, variables: globals, lines: lines, into: &facts)
            if let defaults = root["default"]?.mapping { images(in: defaults, variables: globals, lines: lines, into: &facts) }
            for (key, job) in root {
                guard let name = key.string, !keywords.contains(name), let job = job.mapping else { continue }
                images(in: job, variables: variables(job["variables"], base: globals), lines: lines, into: &facts)
            }
            if let include = root["include"] { includes(include, lines: lines, into: &facts) }
        }
        facts.images.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }

    static func variables(_ node: Node?, base: [String: ExpandedText]) -> [String: ExpandedText] {
        var values = base
        for (key, value) in node?.mapping ?? [:] {
            guard let key = key.string else { continue }
            if let scalar = value.scalar?.string ?? value.mapping?["value"]?.scalar?.string {
                values[key] = ExpandedText([.literal(scalar)])
            }
        }
        return values
    }

    static func images(in mapping: Node.Mapping, variables: [String: ExpandedText], lines: YAMLLines, into facts: inout FileFacts) {
        let expander = VariableExpander(values: variables, dollarDollarIsLiteral: true)
        func add(_ node: Node?) {
            guard let node else { return }
            let scalarNode = node.mapping?["name"] ?? node
            guard let written = scalarNode.scalar?.string.trimmingSpaces, !written.isEmpty,
                  !pipelineOwn.contains(where: { written.contains($0) }) else { return }
            facts.images.append(ImageUse(
                origin: .gitlab, written: written,
                resolution: ImageResolver.resolve(expander.expand(written), variableKind: "variable"),
                location: lines.location(of: scalarNode)))
        }
        add(mapping["image"])
        for service in mapping["services"]?.sequence ?? [] { add(service) }
    }

    static func includes(_ node: Node, lines: YAMLLines, into facts: inout FileFacts) {
        let entries = node.sequence.map(Array.init) ?? [node]
        for entry in entries {
            if let url = entry.scalar?.string {
                if url.hasPrefix("http://") || url.hasPrefix("https://") { remote(entry, url: url, lines: lines, into: &facts) }
                continue
            }
            guard let mapping = entry.mapping else { continue }
            if let remoteNode = mapping["remote"], let url = remoteNode.scalar?.string {
                remote(remoteNode, url: url, lines: lines, into: &facts)
            } else if let project = mapping["project"], let name = project.scalar?.string {
                let refNode = mapping["ref"]
                let ref = refNode?.scalar?.string
                facts.actions.append(ActionUse(
                    kind: .gitlabProject, written: ref.map { "\(name)@\($0)" } ?? name, target: name, ref: ref,
                    refKind: GitRefKind.classify(ref), comment: lines.trailingComment(after: refNode ?? project),
                    location: lines.location(of: refNode ?? project)))
            } else if let component = mapping["component"], let value = component.scalar?.string {
                let at = value.lastIndex(of: "@")
                let ref = at.map { String(value[value.index(after: $0)...]) }
                facts.actions.append(ActionUse(
                    kind: .gitlabComponent, written: value, target: at.map { String(value[..<$0]) } ?? value, ref: ref,
                    refKind: GitRefKind.classify(ref), comment: lines.trailingComment(after: component),
                    location: lines.location(of: component)))
            }
        }
    }

    /// A remote URL is pinned when one of its path segments is a commit or an exact version.
    static func remote(_ node: Node, url: String, lines: YAMLLines, into facts: inout FileFacts) {
        let segments = url.split(separator: "/").map(String.init)
        let best = segments.dropFirst(2).map { GitRefKind.classify($0) }.max() ?? .missing
        let refKind: GitRefKind = best >= .exactTag ? best : .missing
        facts.actions.append(ActionUse(
            kind: .gitlabRemote, written: url, target: url, ref: nil, refKind: refKind,
            comment: lines.trailingComment(after: node), location: lines.location(of: node)))
    }
}
