import Crypto
import Foundation

/// A deterministic compressed tar writer that hashes both the tar and the compressed stream
/// while streaming.
///
/// libarchive writes a pax-restricted tar (no compression) into a sink that hashes it (the
/// diff_id) and feeds a ``StreamCompressor`` (``ParallelGzipWriter`` or ``ZstdWriter``), whose
/// output is hashed (the blob digest) and passed to the caller's sink. Reading files and
/// building the tar happen on the caller's thread while worker threads compress the chunks
/// already cut; memory stays bounded however large the archive. The bytes depend only on the
/// entries and the ``LayerCompression``, never on the number of workers or the sizes of writes.
public final class CompressedTarStream {
    private final class Counters {
        var uncompressed = SHA256()
        var compressed = SHA256()
        var uncompressedSize: Int64 = 0
        var compressedSize: Int64 = 0
    }

    private let counters = Counters()
    private let compressor: any StreamCompressor
    private let tar: ArchiveWriter
    private var result: CompressedTarDigests?

    /// The number of compressing threads used by default: the CPUs this process may run on.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Starts a stream.
    /// - Parameters:
    ///   - compression: The codec and its settings (they decide the bytes).
    ///   - workers: Compressing threads (they do not change the bytes).
    ///   - sink: Receives the compressed bytes, in order, on the caller's thread.
    /// - Throws: ``ArchiveError``, or the sink's error (the gzip header is written at once).
    public init(compression: LayerCompression, workers: Int = CompressedTarStream.defaultWorkers,
                sink: @escaping ArchiveWriter.Sink) throws {
        let counters = self.counters
        let hashed: ArchiveWriter.Sink = { bytes in
            counters.compressed.update(bufferPointer: bytes)
            counters.compressedSize += Int64(bytes.count)
            try sink(bytes)
        }
        let compressor: any StreamCompressor = switch compression {
        case .gzip(let level, let codec): try ParallelGzipWriter(level: level, codec: codec, workers: workers, sink: hashed)
        case .zstd(let level): try ZstdWriter(level: level, workers: workers, sink: hashed)
        }
        self.compressor = compressor
        self.tar = try ArchiveWriter(format: .paxRestricted, filter: .none) { bytes in
            counters.uncompressed.update(bufferPointer: bytes)
            counters.uncompressedSize += Int64(bytes.count)
            try compressor.write(bytes)
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

    /// Ends the tar, flushes the compressor and returns both digests. Safe to call twice.
    /// - Returns: The digests and sizes.
    /// - Throws: ``ArchiveError`` or the sink's error.
    @discardableResult
    public func finish() throws -> CompressedTarDigests {
        if let result { return result }
        try tar.finish()
        try compressor.finish()
        let digests = CompressedTarDigests(
            uncompressedSHA256: counters.uncompressed.finalize().hexString,
            compressedSHA256: counters.compressed.finalize().hexString,
            uncompressedSize: counters.uncompressedSize,
            compressedSize: counters.compressedSize)
        result = digests
        return digests
    }
}
