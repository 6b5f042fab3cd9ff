/// A layer written to disk as a gzip blob.
public struct LayerBlob: Sendable, Hashable, Codable {
    /// Digest of the compressed blob.
    public var digest: Digest
    /// Digest of the uncompressed tar (the config's `diff_id`).
    public var diffID: Digest
    /// Size of the compressed blob in bytes.
    public var size: Int64
    /// Number of tar entries.
    public var entryCount: Int

    /// Creates a blob record.
    public init(digest: Digest, diffID: Digest, size: Int64, entryCount: Int) {
        self.digest = digest
        self.diffID = diffID
        self.size = size
        self.entryCount = entryCount
    }

    /// The layer's OCI descriptor.
    public var descriptor: Descriptor {
        Descriptor(mediaType: MediaType.layerTarGzip, digest: digest, size: size)
    }
}
