import Diagnostics

/// What `nbship inspect` found in an image archive.
public struct ImageReport: Sendable, Hashable, Codable {
    /// One layer as the manifest and config describe it.
    public struct Layer: Sendable, Hashable, Codable {
        /// The blob's media type.
        public var mediaType: String
        /// `gzip`, `zstd` or `none`, from the media type.
        public var compression: String
        /// The descriptor's annotations (nbship records its compressor settings there).
        public var annotations: [String: String]?
        /// The blob's digest.
        public var digest: Digest
        /// The blob's size in bytes.
        public var size: Int64
        /// The config's diff_id for this layer.
        public var diffID: String?
        /// Entries in the layer's tar.
        public var files: Int
        /// The history line that created it.
        public var createdBy: String?
    }

    /// One manifest of the archive.
    public struct Image: Sendable, Hashable, Codable {
        /// The tag (`org.opencontainers.image.ref.name`).
        public var tag: String?
        /// The full name (`io.containerd.image.name`).
        public var name: String?
        /// The manifest's digest.
        public var manifestDigest: Digest
        /// The config's digest.
        public var configDigest: Digest
        /// The config as stored.
        public var config: JSONValue
        /// The layers, bottom first.
        public var layers: [Layer]
    }

    /// The images the index lists.
    public var images: [Image]
    /// Docker `manifest.json` tags.
    public var dockerTags: [String]
    /// Whether blobs were re-hashed.
    public var verified: Bool
    /// Mismatches found while verifying (empty when all is well).
    public var problems: [Diagnostic]
}
