import Archive
import Foundation

/// Writes a list of ``LayerEntry`` values as a deterministic compressed tar blob, computing
/// the blob digest and the diff_id in the same pass.
///
/// Files are read with `read(2)` into one reused buffer and the blob is written with
/// `write(2)`, so memory stays at the compressor's bounded chunk queue (see
/// ``CompressedTarStream``) whatever the layer's size.
public struct LayerWriter: Sendable {
    /// The codec and its settings (part of the reproducibility contract: changing them changes
    /// digests).
    public var compression: LayerCompression
    /// Compressing threads (they never change the bytes).
    public var workers: Int

    /// Creates a writer.
    /// - Parameters:
    ///   - compression: The codec; gzip level 1 by default.
    ///   - workers: Compressing threads; by default the CPUs this process may use.
    public init(compression: LayerCompression = .defaultGzip, workers: Int = CompressedTarStream.defaultWorkers) {
        self.compression = compression
        self.workers = workers
    }

    /// The file bytes `entries` put into a layer (what progress counts up to).
    /// - Parameter entries: The entries.
    /// - Returns: The sum of the sizes of the regular files that have a source.
    public static func fileBytes(_ entries: [LayerEntry]) -> Int64 {
        entries.reduce(0) { sum, entry in
            guard case .file = entry.header.kind, entry.sourcePath != nil else { return sum }
            return sum + entry.header.size
        }
    }

    /// Writes `entries` to a new file at `path`.
    /// - Parameters:
    ///   - entries: Sorted entries (see ``LayerTreeScanner``).
    ///   - path: The blob file to create (replaced if present).
    ///   - progress: Called with (file bytes written, ``fileBytes(_:)``) at most once per MiB,
    ///     the first value strictly increasing, and last with both equal.
    /// - Returns: The blob's digests and size.
    /// - Throws: `DiagnosticError` if a source file changed size or cannot be read;
    ///   `ArchiveError` from libarchive or the codec.
    public func write(
        _ entries: [LayerEntry], to path: String, progress: (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void = { _, _ in }
    ) throws -> LayerBlob {
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw ImageFailure.at(path, "image.unwritable-file", "cannot create layer blob: \(String(cString: strerror(errno)))")
        }
        defer { close(output) }
        let stream = try CompressedTarStream(compression: compression, workers: workers) { bytes in
            try RawFileIO.writeAll(bytes, to: output, path: path)
        }
        var buffer = [UInt8](repeating: 0, count: RawFileIO.bufferSize)
        var counter = ByteProgress(total: Self.fileBytes(entries))
        for entry in entries {
            try stream.writeHeader(entry.header)
            if case .file = entry.header.kind, let source = entry.sourcePath {
                try copy(source, expectedSize: entry.header.size, into: stream, buffer: &buffer, counter: &counter, progress)
            }
            try stream.finishEntry()
        }
        let digests = try stream.finish()
        counter.finish(progress)
        guard fsync(output) == 0 else {
            throw ImageFailure.at(path, "image.unwritable-file", "cannot flush layer blob: \(String(cString: strerror(errno)))")
        }
        return LayerBlob(
            digest: Digest(hex: digests.compressedSHA256), diffID: Digest(hex: digests.uncompressedSHA256),
            size: digests.compressedSize, entryCount: entries.count, compression: compression)
    }

    private func copy(
        _ source: String, expectedSize: Int64, into stream: CompressedTarStream, buffer: inout [UInt8], counter: inout ByteProgress,
        _ progress: (Int64, Int64) -> Void
    ) throws {
        try RawFileIO.readAll(source, expectedSize: expectedSize, buffer: &buffer,
                              changed: ("image.file-changed", "file changed size while the layer was written")) { bytes in
            try stream.writeData(bytes)
            counter.advance(by: Int64(bytes.count), progress)
        }
    }
}
