import Diagnostics
import Yams

/// Reads a `kustomization.yaml`'s `images:` overrides. An override that sets `newTag` or
/// `digest` decides the tag of every matching image, so it is judged as the image
/// `newName` (or `name`) with that tag; one that only renames keeps the manifests' tags, which
/// are linted where they are written.
public enum KustomizationFacts {
    /// Extracts the facts of a kustomization file.
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
            for entry in document.mapping?["images"]?.sequence ?? [] {
                guard let mapping = entry.mapping, let name = (mapping["newName"] ?? mapping["name"])?.scalar?.string else { continue }
                let tagNode = mapping["newTag"]
                let digestNode = mapping["digest"]
                guard tagNode != nil || digestNode != nil else { continue }
                var reference = name
                if let tag = tagNode?.scalar?.string, !tag.isEmpty { reference += ":" + tag }
                if let digest = digestNode?.scalar?.string, !digest.isEmpty { reference += "@" + digest }
                let at = tagNode ?? digestNode ?? entry
                facts.images.append(ImageUse(
                    origin: .kustomize, written: reference,
                    resolution: ImageResolver.resolve(ExpandedText([.literal(reference)]), variableKind: "value"),
                    location: lines.location(of: at)))
            }
        }
        return facts
    }
}
