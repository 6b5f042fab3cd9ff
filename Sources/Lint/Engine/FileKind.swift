/// The kinds of file `nbship lint` reads, chosen by name (YAML by content too).
public enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
    case dockerfile, requirements, pyproject, notebook, compose, kubernetes

    /// The kind a path's name implies, or `nil` for files the linter does not read.
    /// Other `.yaml`/`.yml` files are Kubernetes manifests when they have a `kind:`.
    /// - Parameter path: The path.
    /// - Returns: The kind.
    public static func detect(path: String) -> FileKind? {
        let name = LintPath.fileName(of: path)
        let lower = name.lowercased()
        if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile")
            || lower == "containerfile" || lower.hasPrefix("containerfile.") {
            return .dockerfile
        }
        if lower.hasSuffix(".txt"), lower.hasPrefix("requirements") || lower.hasPrefix("constraints")
            || lower.hasSuffix("requirements.txt") || lower.hasSuffix("constraints.txt")
            || LintPath.fileName(of: LintPath.directory(of: path)) == "requirements" {
            return .requirements
        }
        // The hash-locked file `nbship convert --lock` (and `uv pip compile -o`) writes; not
        // `uv.lock` or `poetry.lock`, which are not requirements files.
        if lower.hasSuffix(".lock"), lower.hasPrefix("requirements") {
            return .requirements
        }
        if lower == "pyproject.toml" { return .pyproject }
        if lower.hasSuffix(".ipynb") { return .notebook }
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            if lower.hasPrefix("docker-compose") || lower.hasPrefix("compose.") || lower == "compose.yml"
                || lower == "compose.yaml" {
                return .compose
            }
            return .kubernetes
        }
        return nil
    }

    /// The kind by name, refined by content: a YAML file with top-level `services:` and no
    /// `kind:` is a Compose file whatever its name.
    /// - Parameters:
    ///   - path: The path.
    ///   - text: The file's text.
    /// - Returns: The kind.
    public static func detect(path: String, text: String) -> FileKind? {
        let kind = detect(path: path)
        guard kind == .kubernetes else { return kind }
        let lines = text.split(separator: "\n")
        let hasKind = lines.contains { $0.hasPrefix("kind:") || $0.hasPrefix("- kind:") || $0.contains(" kind:") }
        if !hasKind, lines.contains(where: { $0.hasPrefix("services:") }) { return .compose }
        return kind
    }
}
