import Image

/// What a push did: every blob and what became of it, the manifest, the bytes sent.
public struct PushReport: Sendable, Hashable, Codable {
    /// What happened to one blob.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Its bytes were sent.
        case uploaded
        /// The registry linked it from another repository.
        case mounted
        /// The repository already had it.
        case present
    }

    /// One blob of the image.
    public struct Blob: Sendable, Hashable, Codable {
        /// Its digest.
        public var digest: Digest
        /// Its size.
        public var size: Int64
        /// Its media type.
        public var mediaType: String
        /// What happened to it.
        public var outcome: Outcome
    }

    /// Where the image went, `REGISTRY/REPO:TAG`.
    public var reference: String
    /// The manifest's digest (the same `nbship inspect` shows).
    public var manifestDigest: Digest
    /// The manifest's size.
    public var manifestSize: Int64
    /// The blobs, in the order they were handled.
    public var blobs: [Blob]
    /// Blob bytes sent (the manifest not counted).
    public var bytesUploaded: Int64
}
