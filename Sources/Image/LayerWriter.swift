import Archive
import Foundation

/// Writes a list of ``LayerEntry`` values as a deterministic `tar+gzip` blob, computing the
/// blob digest and the diff_id in the same pass.
public struct LayerWriter: Sendable {
    /// The gzip level (part of the reproducibility contract; changing it changes digests).
    public var compressionLevel: Int

    /// Creates a writer.
    /// - Parameter compressionLevel: gzip level, 6 by default.
    public init(compressionLevel: Int = 6) {
        self.compressionLevel = compressionLevel
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
    ///   `ArchiveError` from libarchive.
    public func write(
        _ entries: [LayerEntry], to path: String, progress: (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void = { _, _ in }
    ) throws -> LayerBlob {
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            throw ImageFailure.at(path, "image.unwritable-file", "cannot create layer blob")
        }
        defer { try? output.close() }
        let stream = try TarGzipStream(level: compressionLevel) { bytes in
            try output.write(contentsOf: Data(bytes))
        }
        var counter = ByteProgress(total: Self.fileBytes(entries))
        for entry in entries {
            try stream.writeHeader(entry.header)
            if case .file = entry.header.kind, let source = entry.sourcePath {
                try copy(source, expectedSize: entry.header.size, into: stream, counter: &counter, progress)
            }
            try stream.finishEntry()
        }
        let digests = try stream.finish()
        counter.finish(progress)
        try output.synchronize()
        return LayerBlob(
            digest: Digest(hex: digests.compressedSHA256), diffID: Digest(hex: digests.uncompressedSHA256),
            size: digests.compressedSize, entryCount: entries.count)
    }

    private func copy(
        _ source: String, expectedSize: Int64, into stream: TarGzipStream, counter: inout ByteProgress,
        _ progress: (Int64, Int64) -> Void
    ) throws {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw ImageFailure.at(source, "image.unreadable-file", "cannot open file")
        }
        defer { try? input.close() }
        var copied: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            copied += Int64(chunk.count)
            guard copied <= expectedSize else { break }
            try chunk.withUnsafeBytes { try stream.writeData($0) }
            counter.advance(by: Int64(chunk.count), progress)
        }
        guard copied == expectedSize else {
            throw ImageFailure.at(source, "image.file-changed", "file changed size while the layer was written")
        }
    }
}
