/// An OCI image index (`index.json` of a layout).
public struct ImageIndex: Sendable, Hashable, Codable {
    /// Always 2.
    public var schemaVersion: Int
    /// The index's media type.
    public var mediaType: String?
    /// The manifests it lists.
    public var manifests: [Descriptor]

    /// Creates an index.
    /// - Parameter manifests: The manifest descriptors.
    public init(manifests: [Descriptor]) {
        self.schemaVersion = 2
        self.mediaType = MediaType.imageIndex
        self.manifests = manifests
    }

    /// The annotation holding the tag.
    public static let refNameAnnotation = "org.opencontainers.image.ref.name"
    /// The annotation holding the full image name (containerd, nerdctl).
    public static let containerdNameAnnotation = "io.containerd.image.name"
}
