import Crypto

/// A deterministic `.tar.gz` writer that hashes both the tar and the gzip while streaming.
///
/// Two libarchive writers in a chain, so memory stays flat however large the archive:
/// a pax-restricted tar writer whose output is hashed (the diff_id) and fed as the single
/// entry of a raw-format gzip writer, whose output is hashed (the blob digest) and passed to
/// the caller's sink. One pass over the data gives both digests.
public final class TarGzipStream {
    private final class Counters {
        var uncompressed = SHA256()
        var compressed = SHA256()
        var uncompressedSize: Int64 = 0
        var compressedSize: Int64 = 0
    }

    private let counters = Counters()
    private let gzip: ArchiveWriter
    private let tar: ArchiveWriter
    private var result: TarGzipDigests?

    /// Starts a stream.
    /// - Parameters:
    ///   - level: gzip level (fixed, so the output is reproducible).
    ///   - sink: Receives the compressed bytes.
    /// - Throws: ``ArchiveError``.
    public init(level: Int = 6, sink: @escaping ArchiveWriter.Sink) throws {
        let counters = self.counters
        let gzip = try ArchiveWriter(format: .raw, filter: .gzip(level: level)) { bytes in
            counters.compressed.update(bufferPointer: bytes)
            counters.compressedSize += Int64(bytes.count)
            try sink(bytes)
        }
        try gzip.writeHeader(ArchiveEntry(path: "layer.tar", kind: .file, permissions: 0o644))
        self.gzip = gzip
        self.tar = try ArchiveWriter(format: .paxRestricted, filter: .none) { bytes in
            counters.uncompressed.update(bufferPointer: bytes)
            counters.uncompressedSize += Int64(bytes.count)
            try gzip.writeData(bytes)
        }
    }

    /// Writes an entry header into the tar.
    /// - Parameter entry: The header.
    /// - Throws: ``ArchiveError``.
    public func writeHeader(_ entry: ArchiveEntry) throws {
        try tar.writeHeader(entry)
    }

    /// Writes data for the current tar entry.
    /// - Parameter bytes: The data.
    /// - Throws: ``ArchiveError``.
    public func writeData(_ bytes: UnsafeRawBufferPointer) throws {
        try tar.writeData(bytes)
    }

    /// Completes the current tar entry.
    /// - Throws: ``ArchiveError``.
    public func finishEntry() throws {
        try tar.finishEntry()
    }

    /// Ends the tar, flushes gzip and returns both digests. Safe to call twice.
    /// - Returns: The digests and sizes.
    /// - Throws: ``ArchiveError`` or the sink's error.
    @discardableResult
    public func finish() throws -> TarGzipDigests {
        if let result { return result }
        try tar.finish()
        try gzip.finishEntry()
        try gzip.finish()
        let digests = TarGzipDigests(
            uncompressedSHA256: counters.uncompressed.finalize().hexString,
            compressedSHA256: counters.compressed.finalize().hexString,
            uncompressedSize: counters.uncompressedSize,
            compressedSize: counters.compressedSize)
        result = digests
        return digests
    }
}
