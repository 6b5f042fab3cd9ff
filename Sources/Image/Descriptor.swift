/// An OCI content descriptor.
public struct Descriptor: Sendable, Hashable, Codable {
    /// The media type of the referenced content.
    public var mediaType: String
    /// Its digest.
    public var digest: Digest
    /// Its size in bytes.
    public var size: Int64
    /// Annotations (for the index: the tag and the full image name).
    public var annotations: [String: String]?
    /// The platform, for entries of an index.
    public var platform: Platform?

    /// Creates a descriptor.
    /// - Parameters:
    ///   - mediaType: The media type.
    ///   - digest: The digest.
    ///   - size: The size in bytes.
    ///   - annotations: Optional annotations.
    ///   - platform: Optional platform.
    public init(mediaType: String, digest: Digest, size: Int64, annotations: [String: String]? = nil, platform: Platform? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
        self.platform = platform
    }
}
