/// A base image, loaded: its config as JSON and its layer blobs on disk.
public struct BaseImage: Sendable {
    /// One base layer: its descriptor (copied unchanged) and the blob file.
    public struct Layer: Sendable, Hashable {
        /// The descriptor, as the base manifest had it (media type normalised to OCI).
        public var descriptor: Descriptor
        /// The blob file.
        public var path: String
    }

    /// The base's config (kept whole, so unknown fields survive).
    public var config: JSONValue
    /// The layers, bottom first.
    public var layers: [Layer]
    /// The base manifest's digest, when it had one.
    public var manifestDigest: Digest?

    /// The empty base.
    public static let scratch = BaseImage(
        config: .object([
            "architecture": .string("amd64"), "os": .string("linux"),
            "config": .object([:]),
            "rootfs": .object(["type": .string("layers"), "diff_ids": .array([])]),
        ]),
        layers: [], manifestDigest: nil)
}
