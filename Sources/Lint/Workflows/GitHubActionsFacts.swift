import Diagnostics
import Yams

/// Reads a GitHub Actions workflow (`.github/workflows/*.yml`) or an action's `action.yml`:
/// every `uses:` (steps of jobs and of composite actions; jobs calling reusable workflows),
/// `docker://` steps and a Docker action's `runs.image`, and each job's `container:` and
/// `services:` images. `${{ matrix.X }}` in an image is expanded over the job's
/// `strategy.matrix` (its lists and `include` entries); any other expression is unresolvable.
public enum GitHubActionsFacts {
    /// Extracts the facts of a workflow or action file.
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
            if let jobs = root["jobs"]?.mapping {
                for (_, job) in jobs {
                    guard let job = job.mapping else { continue }
                    let matrix = Self.matrix(of: job)
                    if let uses = job["uses"] { use(uses, kind: .reusableWorkflow, lines: lines, into: &facts) }
                    if let container = job["container"] {
                        let image = container.mapping?["image"] ?? container
                        if image.scalar != nil { facts.images += images(image, matrix: matrix, origin: .workflowContainer, lines: lines) }
                    }
                    if let services = job["services"]?.mapping {
                        for (_, service) in services {
                            let image = service.mapping?["image"] ?? service
                            if image.scalar != nil { facts.images += images(image, matrix: matrix, origin: .workflowContainer, lines: lines) }
                        }
                    }
                    for step in job["steps"]?.sequence ?? [] {
                        if let uses = step.mapping?["uses"] { steps(uses, matrix: matrix, lines: lines, into: &facts) }
                    }
                }
            }
            if let runs = root["runs"]?.mapping {
                for step in runs["steps"]?.sequence ?? [] {
                    if let uses = step.mapping?["uses"] { steps(uses, matrix: [:], lines: lines, into: &facts) }
                }
                if let image = runs["image"], let value = image.scalar?.string, value.hasPrefix("docker://") {
                    facts.images += images(image, matrix: [:], origin: .dockerAction, lines: lines, dropPrefix: "docker://")
                }
            }
        }
        facts.images.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }

    static func steps(_ uses: Node, matrix: [String: [String]], lines: YAMLLines, into facts: inout FileFacts) {
        guard let value = uses.scalar?.string else { return }
        if value.hasPrefix("docker://") {
            facts.images += images(uses, matrix: matrix, origin: .dockerAction, lines: lines, dropPrefix: "docker://")
        } else {
            use(uses, kind: .action, lines: lines, into: &facts)
        }
    }

    /// A `uses:` of an action or reusable workflow; local ones (`./…`) fetch nothing.
    static func use(_ node: Node, kind: ActionUse.Kind, lines: YAMLLines, into facts: inout FileFacts) {
        guard let value = node.scalar?.string.trimmingSpaces, !value.isEmpty, !value.hasPrefix("./"),
              !value.hasPrefix("docker://") else { return }
        var target = value
        var ref: String?
        if let at = value.lastIndex(of: "@") {
            target = String(value[..<at])
            ref = String(value[value.index(after: at)...])
        }
        let refKind: GitRefKind = value.contains("${{") ? .branch : GitRefKind.classify(ref)
        facts.actions.append(ActionUse(
            kind: kind, written: value, target: target, ref: ref, refKind: refKind,
            comment: lines.trailingComment(after: node), location: lines.location(of: node)))
    }

    /// The values each matrix key can take: its list, plus the `include` entries' values.
    static func matrix(of job: Node.Mapping) -> [String: [String]] {
        guard let matrix = job["strategy"]?.mapping?["matrix"]?.mapping else { return [:] }
        var values: [String: [String]] = [:]
        for (key, value) in matrix {
            guard let key = key.string else { continue }
            if key == "include" {
                for entry in value.sequence ?? [] {
                    for (name, item) in entry.mapping ?? [:] {
                        if let name = name.string, let scalar = item.scalar?.string { values[name, default: []].append(scalar) }
                    }
                }
            } else if key != "exclude", let list = value.sequence {
                values[key, default: []] += list.compactMap { $0.scalar?.string }
            }
        }
        return values
    }

    /// The images a scalar names, one per matrix combination it uses.
    static func images(
        _ node: Node, matrix: [String: [String]], origin: ImageUse.Origin, lines: YAMLLines, dropPrefix: String = ""
    ) -> [ImageUse] {
        guard var written = node.scalar?.string.trimmingSpaces else { return [] }
        var location = lines.location(of: node)
        if !dropPrefix.isEmpty, written.hasPrefix(dropPrefix) {
            written = String(written.dropFirst(dropPrefix.count))
            let quoted = node.scalar?.style == .singleQuoted || node.scalar?.style == .doubleQuoted
            location.column += dropPrefix.count + (quoted ? 1 : 0)
        }
        var expansions = [written]
        var unresolvable: String?
        for expression in WorkflowExpression.all(in: written) {
            // An image tagged with the commit under test is the workflow's own build.
            if expression.body == "github.sha" { return [] }
            guard let key = expression.matrixKey, let values = matrix[key], !values.isEmpty else {
                unresolvable = "it is the expression '${{ \(expression.body) }}', known only when the workflow runs"
                break
            }
            expansions = expansions.flatMap { text in
                Array(Set(values.map { text.replacingOccurrences(of: expression.text, with: $0) })).sorted()
            }
        }
        if let unresolvable {
            return [ImageUse(origin: origin, written: written, resolution: .unresolvable(reason: unresolvable), location: location)]
        }
        return expansions.map { expanded in
            var resolution = ImageResolver.resolve(ExpandedText([.literal(expanded)]), variableKind: "variable")
            if expanded != written, case .image(var reference, _) = resolution {
                reference.original = expanded
                resolution = .image(reference, assumption: nil)
            }
            return ImageUse(origin: origin, written: written, resolution: resolution, location: location)
        }
    }
}
