/// A complete image, ready to be written as an OCI layout inside a tar.
public struct ImageLayout: Sendable {
    /// Where a blob's bytes come from.
    public enum BlobContent: Sendable, Hashable {
        /// Bytes in memory (config, manifest).
        case bytes([UInt8])
        /// A file on disk (layers), copied byte for byte.
        case file(path: String, size: Int64)
    }

    /// `index.json`.
    public var index: ImageIndex
    /// Docker's `manifest.json`.
    public var dockerManifest: [DockerManifestEntry]
    /// Every blob, by digest.
    public var blobs: [Digest: BlobContent]

    /// Creates a layout.
    /// - Parameters:
    ///   - index: The index.
    ///   - dockerManifest: Docker's manifest list.
    ///   - blobs: The blobs by digest.
    public init(index: ImageIndex, dockerManifest: [DockerManifestEntry], blobs: [Digest: BlobContent]) {
        self.index = index
        self.dockerManifest = dockerManifest
        self.blobs = blobs
    }
}
