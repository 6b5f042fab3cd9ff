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

    /// Writes `entries` to a new file at `path`.
    /// - Parameters:
    ///   - entries: Sorted entries (see ``LayerTreeScanner``).
    ///   - path: The blob file to create (replaced if present).
    /// - Returns: The blob's digests and size.
    /// - Throws: `DiagnosticError` if a source file changed size or cannot be read;
    ///   `ArchiveError` from libarchive.
    public func write(_ entries: [LayerEntry], to path: String) throws -> LayerBlob {
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            throw ImageFailure.at(path, "image.unwritable-file", "cannot create layer blob")
        }
        defer { try? output.close() }
        let stream = try TarGzipStream(level: compressionLevel) { bytes in
            try output.write(contentsOf: Data(bytes))
        }
        for entry in entries {
            try stream.writeHeader(entry.header)
            if case .file = entry.header.kind, let source = entry.sourcePath {
                try copy(source, expectedSize: entry.header.size, into: stream)
            }
            try stream.finishEntry()
        }
        let digests = try stream.finish()
        try output.synchronize()
        return LayerBlob(
            digest: Digest(hex: digests.compressedSHA256), diffID: Digest(hex: digests.uncompressedSHA256),
            size: digests.compressedSize, entryCount: entries.count)
    }

    private func copy(_ source: String, expectedSize: Int64, into stream: TarGzipStream) throws {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw ImageFailure.at(source, "image.unreadable-file", "cannot open file")
        }
        defer { try? input.close() }
        var copied: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            copied += Int64(chunk.count)
            guard copied <= expectedSize else { break }
            try chunk.withUnsafeBytes { try stream.writeData($0) }
        }
        guard copied == expectedSize else {
            throw ImageFailure.at(source, "image.file-changed", "file changed size while the layer was written")
        }
    }
}
