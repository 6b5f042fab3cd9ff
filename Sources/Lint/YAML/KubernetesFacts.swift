import Foundation
import Diagnostics
import Yams

/// Reads Kubernetes manifests: every document of a multi-document file, `List` items, and
/// every `containers`, `initContainers` and `ephemeralContainers` list wherever it sits (Pod,
/// the `template` of Deployment/StatefulSet/DaemonSet/ReplicaSet/Job, CronJob's
/// `jobTemplate`, and custom resources that embed pod specs). A file with Helm `{{ }}`
/// templates is not YAML yet: its `image:` lines are read one by one, and a templated value
/// is an unresolvable reference.
public enum KubernetesFacts {
    /// The keys whose values are lists of containers.
    static let containerKeys: Set<String> = ["containers", "initContainers", "ephemeralContainers"]

    /// Extracts the facts of a manifest file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts (none for YAML that is not a manifest).
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        if ByteSearch.contains("{{", in: text) {
            facts.images = templateImages(path: path, text: text)
            return facts
        }
        var documents: [Node] = []
        do {
            var sequence = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
            while let document = sequence.next() { documents.append(document) }
            if let error = sequence.error { throw error }
        } catch {
            facts.problems.append(YAMLProblem.diagnostic(for: error, path: path))
        }
        let starts = documents.map { $0.mark?.line ?? 1 }
        for (index, document) in documents.enumerated() where document.mapping?["kind"] != nil {
            walk(document, path: path, into: &facts.images)
            let end = index + 1 < starts.count ? max(starts[index], starts[index + 1] - 1) : Int.max
            facts.ignores += annotationIgnores(document, path: path, lines: starts[index]...end)
        }
        return facts
    }

    /// kube-linter's `ignore-check.kube-linter.io/<check>` and checkov's `checkov.io/skipN:
    /// <id>=<reason>` annotations on an object, covering the object's lines.
    static func annotationIgnores(_ document: Node, path: String, lines: ClosedRange<Int>) -> [IgnoreDirective] {
        guard let annotations = document.mapping?["metadata"]?.mapping?["annotations"]?.mapping else { return [] }
        var directives: [IgnoreDirective] = []
        for (key, value) in annotations {
            guard let name = key.string else { continue }
            var id: String?
            var peer = ""
            if name.hasPrefix("ignore-check.kube-linter.io/") {
                id = String(name.dropFirst("ignore-check.kube-linter.io/".count))
                peer = "kube-linter"
            } else if name.hasPrefix("checkov.io/skip"), let text = value.scalar?.string {
                id = text.split(separator: "=").first.map { $0.trimmingSpaces }
                peer = "checkov"
            }
            guard let id, !id.isEmpty else { continue }
            let mark = key.mark
            var directive = IgnoreDirective(
                ruleIDs: [id], reason: value.scalar?.string, isFileLevel: false, standsAlone: false,
                location: SourceLocation(path: path, line: mark?.line ?? lines.lowerBound, column: mark?.column ?? 1))
            directive.lines = lines
            directive.peer = peer
            directives.append(directive)
        }
        return directives
    }

    static func walk(_ node: Node, path: String, into images: inout [ImageUse]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let key = key.string, containerKeys.contains(key), let containers = value.sequence {
                    for container in containers {
                        guard let image = container.mapping?["image"], let scalar = image.scalar else { continue }
                        let mark = image.mark
                        let resolution = ImageResolver.resolve(ExpandedText([.literal(scalar.string)]), variableKind: "variable")
                        images.append(ImageUse(
                            origin: .kubernetes, written: scalar.string, resolution: resolution,
                            location: SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)))
                    }
                } else {
                    walk(value, path: path, into: &images)
                }
            }
        case .sequence(let sequence):
            for item in sequence { walk(item, path: path, into: &images) }
        default:
            break
        }
    }

    /// `image:` lines of a templated file.
    static func templateImages(path: String, text: String) -> [ImageUse] {
        var images: [ImageUse] = []
        for (number, line) in text.physicalLines.enumerated() {
            var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard rest.hasPrefix("image:") else { continue }
            let value = rest.dropFirst("image:".count).drop { $0 == " " || $0 == "\t" }
            guard !value.isEmpty else { continue }
            let column = line.unicodeScalars.count - value.unicodeScalars.count + 1
            var written = String(value)
            if let comment = written.range(of: " #") { written = String(written[..<comment.lowerBound]) }
            written = written.trimmingSpaces
            let unquoted = written.count >= 2 && (written.hasPrefix("\"") && written.hasSuffix("\"")
                || written.hasPrefix("'") && written.hasSuffix("'")) ? String(written.dropFirst().dropLast()) : written
            let resolution: ImageResolution = unquoted.contains("{{")
                ? .unresolvable(reason: "it is a template expression, known only when the chart is rendered")
                : ImageResolver.resolve(ExpandedText([.literal(unquoted)]), variableKind: "variable")
            images.append(ImageUse(
                origin: .kubernetes, written: unquoted, resolution: resolution,
                location: SourceLocation(path: path, line: number + 1, column: column)))
        }
        return images
    }
}
