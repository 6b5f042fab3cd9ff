import Yams

/// Reads hadolint's configuration (`.hadolint.yaml` or `.hadolint.yml` in the current
/// directory) for its `ignored:` list, so a team moving from hadolint keeps its ignores.
enum HadolintConfig {
    /// The rule ids hadolint is told to ignore, empty when there is no readable file.
    static func ignored(in fileSystem: any LintFileSystem) -> [String] {
        for name in [".hadolint.yaml", ".hadolint.yml"] {
            guard let text = fileSystem.contents(of: name) else { continue }
            guard let root = try? Yams.compose(yaml: text, .basic, .default, .utf8)?.mapping else { return [] }
            return (root["ignored"]?.sequence ?? []).compactMap { $0.scalar?.string }
        }
        return []
    }
}
