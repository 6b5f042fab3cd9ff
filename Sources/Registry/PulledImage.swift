import Image

/// An image pulled into the blob store: its manifest (exact bytes) and where its blobs are.
public struct PulledImage: Sendable {
    /// The reference, pinned to the digest that was resolved (an index's, when the tag named one).
    public var resolved: ImageReference
    /// The platform manifest's digest.
    public var manifestDigest: Digest
    /// Its media type.
    public var manifestMediaType: String
    /// Its exact bytes.
    public var manifestBytes: [UInt8]
    /// The manifest.
    public var manifest: Manifest
    /// Config and layers, each with its file in the store.
    public var blobs: [(descriptor: Descriptor, path: String)]
}
