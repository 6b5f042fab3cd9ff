/// An OCI image manifest.
public struct Manifest: Sendable, Hashable, Codable {
    /// Always 2.
    public var schemaVersion: Int
    /// The manifest's own media type.
    public var mediaType: String?
    /// The config blob.
    public var config: Descriptor
    /// The layer blobs, base first.
    public var layers: [Descriptor]
    /// Annotations (base image name and digest).
    public var annotations: [String: String]?

    /// Creates a manifest.
    /// - Parameters:
    ///   - config: The config descriptor.
    ///   - layers: The layer descriptors, base first.
    ///   - annotations: Optional annotations.
    public init(config: Descriptor, layers: [Descriptor], annotations: [String: String]? = nil) {
        self.schemaVersion = 2
        self.mediaType = MediaType.imageManifest
        self.config = config
        self.layers = layers
        self.annotations = annotations
    }
}
