/// The kinds of file `nbship lint` reads, chosen by name (YAML by content too).
public enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
    case dockerfile, requirements, pyproject, notebook, compose, kubernetes
    /// A `.py` file; only notebook exports (IPython calls, jupytext magics) have facts.
    case python
    /// A GitHub Actions workflow (`.github/workflows/*.yml`) or action (`action.yml`).
    case githubActions
    /// `.gitlab-ci.yml` and the files under `.gitlab/ci/`.
    case gitlabCI
    /// A conda `environment.yml`.
    case condaEnvironment
    /// A pipenv `Pipfile`.
    case pipfile
    /// A Helm chart's `values.yaml` (and `values-*.yaml`).
    case helmValues
    /// A Kustomize `kustomization.yaml`.
    case kustomization
    /// A dev container's `devcontainer.json`.
    case devcontainer

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
        if lower.hasSuffix(".py") { return .python }
        if name == "Pipfile" { return .pipfile }
        if lower == "devcontainer.json" || lower == ".devcontainer.json" { return .devcontainer }
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            let components = path.split(separator: "/")
            let parent = components.dropLast().last.map(String.init) ?? ""
            let grandparent = components.dropLast(2).last.map(String.init) ?? ""
            if parent == "workflows" && grandparent == ".github" || lower == "action.yml" || lower == "action.yaml" {
                return .githubActions
            }
            if lower == ".gitlab-ci.yml" || lower == ".gitlab-ci.yaml" || lower.hasSuffix(".gitlab-ci.yml")
                || components.contains(".gitlab") {
                return .gitlabCI
            }
            if lower.hasPrefix("environment") || lower.hasSuffix("environment.yml") || lower.hasSuffix("environment.yaml")
                || lower.hasSuffix(".conda.yml") || lower.hasSuffix(".conda.yaml") || lower == "conda.yml" || lower == "conda.yaml" {
                return .condaEnvironment
            }
            if lower == "kustomization.yaml" || lower == "kustomization.yml" { return .kustomization }
            if lower == "values.yaml" || lower == "values.yml" || lower.hasPrefix("values-") || lower.hasPrefix("values.") {
                return .helmValues
            }
            if lower.hasPrefix("docker-compose") || lower.hasPrefix("compose.") || lower == "compose.yml"
                || lower == "compose.yaml" {
                return .compose
            }
            return .kubernetes
        }
        return nil
    }

    /// The kind by name, refined by content: a YAML file with no `kind:` is a Compose file when
    /// it has top-level `services:`, a conda environment with `dependencies:` and `channels:`
    /// (or `name:`), a workflow with `on:` and `jobs:`, whatever its name.
    /// - Parameters:
    ///   - path: The path.
    ///   - text: The file's text.
    /// - Returns: The kind.
    public static func detect(path: String, text: String) -> FileKind? {
        let kind = detect(path: path)
        guard kind == .kubernetes else { return kind }
        let lines = text.physicalLines.filter { !$0.isEmpty }
        let hasKind = lines.contains { $0.hasPrefix("kind:") || $0.hasPrefix("- kind:") || $0.contains(" kind:") }
        if !hasKind, lines.contains(where: { $0.hasPrefix("services:") }) { return .compose }
        if !hasKind, lines.contains(where: { $0.hasPrefix("dependencies:") }),
           lines.contains(where: { $0.hasPrefix("channels:") || $0.hasPrefix("name:") }) {
            return .condaEnvironment
        }
        if !hasKind, lines.contains(where: { $0.hasPrefix("jobs:") }),
           lines.contains(where: { $0.hasPrefix("on:") || $0.hasPrefix("\"on\":") || $0.hasPrefix("'on':") }) {
            return .githubActions
        }
        return kind
    }
}
