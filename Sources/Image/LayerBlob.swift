import Archive

/// A layer written to disk as a compressed blob.
public struct LayerBlob: Sendable, Hashable, Codable {
    /// Digest of the compressed blob.
    public var digest: Digest
    /// Digest of the uncompressed tar (the config's `diff_id`).
    public var diffID: Digest
    /// Size of the compressed blob in bytes.
    public var size: Int64
    /// Number of tar entries.
    public var entryCount: Int
    /// The blob's media type (`…tar+gzip` or `…tar+zstd`).
    public var mediaType: String
    /// How it was compressed (``annotations(for:)``), recorded on its descriptor.
    public var annotations: [String: String]

    /// Creates a blob record.
    public init(digest: Digest, diffID: Digest, size: Int64, entryCount: Int,
                compression: LayerCompression = .defaultGzip) {
        self.digest = digest
        self.diffID = diffID
        self.size = size
        self.entryCount = entryCount
        self.mediaType = Self.mediaType(for: compression)
        self.annotations = Self.annotations(for: compression)
    }

    /// The layer's OCI descriptor.
    public var descriptor: Descriptor {
        Descriptor(mediaType: mediaType, digest: digest, size: size, annotations: annotations.isEmpty ? nil : annotations)
    }

    /// The OCI media type of a layer compressed with `compression`.
    public static func mediaType(for compression: LayerCompression) -> String {
        switch compression {
        case .gzip: MediaType.layerTarGzip
        case .zstd: MediaType.layerTarZstd
        }
    }

    /// The prefix of nbship's layer annotations.
    public static let annotationPrefix = "io.nbship.layer."

    /// The descriptor annotations recording `compression`: `io.nbship.layer.compressor`
    /// (`zlib 1.2.13`), `….level`, `….chunk-size` and, for gzip, `….dictionary-size`.
    public static func annotations(for compression: LayerCompression) -> [String: String] {
        var annotations: [String: String] = [:]
        for (key, value) in compression.settings where key != "compression" {
            annotations[annotationPrefix + key] = value
        }
        return annotations
    }
}
