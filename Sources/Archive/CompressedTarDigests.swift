/// What one pass of ``CompressedTarStream`` measured.
public struct CompressedTarDigests: Sendable, Hashable, Codable {
    /// SHA-256 of the uncompressed tar, hex (the OCI `diff_id` without `sha256:`).
    public var uncompressedSHA256: String
    /// SHA-256 of the compressed stream, hex (the layer blob's digest without `sha256:`).
    public var compressedSHA256: String
    /// Bytes of uncompressed tar.
    public var uncompressedSize: Int64
    /// Bytes of compressed output.
    public var compressedSize: Int64
}
