import Diagnostics

/// One place a file names a container image: a `FROM`, a `COPY --from=`, a
/// `RUN --mount=…,from=`, a compose `image:` or a Kubernetes container `image:`.
public struct ImageUse: Sendable, Hashable {
    /// Where the reference appears in the file.
    public enum Origin: String, Sendable, Hashable, Codable {
        case from, copyFrom, mountFrom, compose, kubernetes
        /// A workflow job's `container:` or `services:` image.
        case workflowContainer
        /// A `uses: docker://…` step or a Docker action's `runs.image`.
        case dockerAction
        /// A GitLab CI `image:` or `services:` entry.
        case gitlab
        /// A Helm `values.yaml` image (`repository` + `tag`).
        case helm
        /// A Kustomize `images:` override.
        case kustomize
        /// A dev container's `image`.
        case devcontainer
    }

    /// What kind of place it is.
    public var origin: Origin
    /// The reference as written, before variables are expanded.
    public var written: String
    /// What the reference turned out to be.
    public var resolution: ImageResolution
    /// The start of the written reference.
    public var location: SourceLocation

    /// Creates an image use.
    /// - Parameters:
    ///   - origin: What kind of place it is.
    ///   - written: The text as written.
    ///   - resolution: The resolved meaning.
    ///   - location: Where the text starts.
    public init(origin: Origin, written: String, resolution: ImageResolution, location: SourceLocation) {
        self.origin = origin
        self.written = written
        self.resolution = resolution
        self.location = location
    }
}
