import Diagnostics
import Yams

/// Reads a Helm chart's `values.yaml`: every mapping with a `repository` (an `image:` block,
/// with optional `registry`, `tag` and `digest`), and every string `image:` value. An empty or
/// missing `tag` means the chart's `appVersion`, read from the `Chart.yaml` beside the file
/// (judged as that tag; a chart without `appVersion` leaves the image untagged); with no
/// `Chart.yaml` beside it the values file alone cannot say, and nothing is reported.
public enum HelmValuesFacts {
    /// Extracts the facts of a values file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    ///   - fileSystem: Where to read `Chart.yaml`.
    /// - Returns: The facts.
    public static func extract(path: String, text: String, fileSystem: any LintFileSystem) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let (documents, problem) = YAMLLines.documents(text, path: path)
        if let problem { facts.problems.append(problem) }
        let lines = YAMLLines(text: text, path: path)
        let appVersion = appVersion(of: path, fileSystem: fileSystem)
        for document in documents { walk(document, key: nil, appVersion: appVersion, lines: lines, into: &facts.images) }
        facts.images.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }

    /// `appVersion` of the chart, `nil` without a readable `Chart.yaml`.
    static func appVersion(of path: String, fileSystem: any LintFileSystem) -> String?? {
        guard let text = fileSystem.contents(of: LintPath.sibling("Chart.yaml", of: path)),
              let chart = try? Yams.compose(yaml: text, .basic, .default, .utf8)?.mapping else { return nil }
        return .some(chart["appVersion"]?.scalar?.string)
    }

    static func walk(_ node: Node, key: String?, appVersion: String??, lines: YAMLLines, into images: inout [ImageUse]) {
        switch node {
        case .mapping(let mapping):
            if let repository = mapping["repository"], let name = repository.scalar?.string,
               key?.lowercased().contains("image") == true || mapping["tag"] != nil {
                if let use = image(mapping, repository: repository, name: name, appVersion: appVersion, lines: lines) { images.append(use) }
                return
            }
            for (child, value) in mapping {
                let childKey = child.string
                if childKey?.lowercased() == "image", let written = value.scalar?.string, !written.isEmpty {
                    images.append(ImageUse(
                        origin: .helm, written: written,
                        resolution: ImageResolver.resolve(ExpandedText([.literal(written)]), variableKind: "value"),
                        location: lines.location(of: value)))
                } else {
                    walk(value, key: childKey, appVersion: appVersion, lines: lines, into: &images)
                }
            }
        case .sequence(let sequence):
            for item in sequence { walk(item, key: key, appVersion: appVersion, lines: lines, into: &images) }
        default:
            break
        }
    }

    static func image(
        _ mapping: Node.Mapping, repository: Node, name: String, appVersion: String??, lines: YAMLLines
    ) -> ImageUse? {
        var reference = name
        if let registry = mapping["registry"]?.scalar?.string, !registry.isEmpty { reference = registry + "/" + reference }
        // Scalars are read as text (the basic resolver), so YAML's null spellings mean "unset" here.
        let unset: Set<String> = ["", "~", "null", "Null", "NULL"]
        let tag = mapping["tag"]?.scalar?.string.trimmingSpaces.nonEmpty(unless: unset) ?? ""
        let digest = mapping["digest"]?.scalar?.string.trimmingSpaces.nonEmpty(unless: unset) ?? ""
        var assumption: String?
        var resolution: ImageResolution
        if !tag.isEmpty {
            reference += ":" + tag
        } else if !digest.isEmpty {
            // A digest alone pins the image.
        } else if case .some(.some(let version)) = appVersion, !version.isEmpty {
            reference += ":" + version
            assumption = "with the tag taken from Chart.yaml's appVersion '\(version)'"
        } else if appVersion == nil {
            // The tag is the chart's appVersion, which the Chart.yaml (not beside this file) pins.
            return nil
        }
        if !digest.isEmpty { reference += "@" + digest }
        resolution = ImageResolver.resolve(ExpandedText([.literal(reference)]), variableKind: "value")
        if let assumption, case .image(let parsed, _) = resolution { resolution = .image(parsed, assumption: assumption) }
        return ImageUse(origin: .helm, written: reference, resolution: resolution, location: lines.location(of: repository))
    }
}
