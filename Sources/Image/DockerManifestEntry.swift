/// One entry of Docker's `manifest.json`, which `docker load` reads.
public struct DockerManifestEntry: Sendable, Hashable, Codable {
    /// Path of the config blob inside the tar.
    public var config: String
    /// Tags, e.g. `irisdemo:1.0`.
    public var repoTags: [String]?
    /// Paths of the layer blobs, base first.
    public var layers: [String]

    enum CodingKeys: String, CodingKey {
        case config = "Config"
        case repoTags = "RepoTags"
        case layers = "Layers"
    }

    /// Creates an entry.
    /// - Parameters:
    ///   - config: The config path.
    ///   - repoTags: The tags.
    ///   - layers: The layer paths.
    public init(config: String, repoTags: [String]?, layers: [String]) {
        self.config = config
        self.repoTags = repoTags
        self.layers = layers
    }
}
