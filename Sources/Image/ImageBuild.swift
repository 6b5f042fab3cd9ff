/// The result of building an image: the layout to write and what each layer was.
public struct ImageBuild: Sendable {
    /// One layer of the image.
    public struct Layer: Sendable, Hashable, Codable {
        /// `base`, `dependencies`, `data`, `artifacts` or `application`.
        public var role: String
        /// The blob's descriptor.
        public var descriptor: Descriptor
        /// Whether it came from the cache (or, for base layers, was copied).
        public var reused: Bool
    }

    /// The manifest's digest (what `nbship build` prints).
    public var manifestDigest: Digest
    /// The layout to write with ``ImageArchiveWriter``.
    public var layout: ImageLayout
    /// The layers, bottom first.
    public var layers: [Layer]
}
