/// How strictly `pyproject.toml` dependencies must be pinned.
public enum DependencyPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// An application: every dependency pinned with `==`/`===`.
    case app
    /// A library: ranges are fine; only a dependency with no version bound at all is flagged.
    case library
}
