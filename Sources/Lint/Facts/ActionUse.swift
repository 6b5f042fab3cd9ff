import Diagnostics

/// One place a CI file runs code fetched by reference: a GitHub Actions `uses:` (an action or
/// a reusable workflow) or a GitLab CI `include:` (a project file, a remote URL or a component).
public struct ActionUse: Sendable, Hashable {
    /// What kind of reference it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `uses: owner/repo@ref` in a step.
        case action
        /// `uses: owner/repo/.github/workflows/x.yml@ref` on a job.
        case reusableWorkflow
        /// GitLab `include: {project: …, ref: …}`.
        case gitlabProject
        /// GitLab `include: {remote: https://…}` (or a URL string).
        case gitlabRemote
        /// GitLab `include: {component: host/path@version}`.
        case gitlabComponent
    }

    /// What kind of reference it is.
    public var kind: Kind
    /// The reference as written (`actions/checkout@v4`).
    public var written: String
    /// The part before `@` (or the project / URL).
    public var target: String
    /// The ref after `@` (or `ref:`), `nil` when there is none.
    public var ref: String?
    /// How firmly the ref names fixed content.
    public var refKind: GitRefKind
    /// The trailing comment on the line, without `#` (`v4.1.7` after a SHA).
    public var comment: String?
    /// Where the reference starts.
    public var location: SourceLocation

    /// Creates an action use.
    public init(
        kind: Kind, written: String, target: String, ref: String?, refKind: GitRefKind, comment: String?,
        location: SourceLocation
    ) {
        self.kind = kind
        self.written = written
        self.target = target
        self.ref = ref
        self.refKind = refKind
        self.comment = comment
        self.location = location
    }
}
