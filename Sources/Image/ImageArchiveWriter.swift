import Archive
import Foundation

/// Writes an ``ImageLayout`` as one deterministic tar (an `oci-archive` that `docker load`
/// also reads): entries sorted, mtime fixed, owner root, modes 0755/0644.
public struct ImageArchiveWriter: Sendable {
    /// The mtime of every entry.
    public var modificationTime: Int64

    /// Creates a writer.
    /// - Parameter modificationTime: The build's epoch.
    public init(modificationTime: Int64) {
        self.modificationTime = modificationTime
    }

    /// Writes the archive atomically (a temporary file beside `path`, then a rename).
    /// - Parameters:
    ///   - layout: The image.
    ///   - path: The tar to create or replace.
    ///   - progress: Called with (blob bytes written, all blob bytes) at most once per MiB, the
    ///     first value strictly increasing, and last with both equal.
    /// - Throws: `DiagnosticError` or `ArchiveError`.
    public func write(
        _ layout: ImageLayout, to path: String, progress: (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void = { _, _ in }
    ) throws {
        let temporary = path + ".nbship-tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let output = FileHandle(forWritingAtPath: temporary) else {
            throw ImageFailure.at(path, "image.unwritable-file", "cannot create the image archive")
        }
        do {
            defer { try? output.close() }
            let descriptor = output.fileDescriptor
            let tar = try ArchiveWriter(format: .paxRestricted) { bytes in try RawFileIO.writeAll(bytes, to: descriptor, path: temporary) }
            var buffer = [UInt8](repeating: 0, count: RawFileIO.bufferSize)
            let total = layout.blobs.values.reduce(Int64(0)) { sum, content in
                switch content {
                case .bytes(let bytes): return sum + Int64(bytes.count)
                case .file(_, let size): return sum + size
                }
            }
            var counter = ByteProgress(total: total)
            try directory("blobs", tar)
            try directory("blobs/sha256", tar)
            for digest in layout.blobs.keys.sorted() {
                guard let content = layout.blobs[digest] else { continue }
                switch content {
                case .bytes(let bytes):
                    try file(digest.blobPath, bytes, tar)
                    counter.advance(by: Int64(bytes.count), progress)
                case .file(let source, let size):
                    try tar.writeHeader(header(digest.blobPath, size: size))
                    try RawFileIO.readAll(source, expectedSize: size, buffer: &buffer,
                                          changed: ("image.file-changed", "blob changed size while the image was written")) { bytes in
                        try tar.writeData(bytes)
                        counter.advance(by: Int64(bytes.count), progress)
                    }
                    try tar.finishEntry()
                }
            }
            counter.finish(progress)
            try file("index.json", CanonicalJSON.encode(layout.index), tar)
            try file("manifest.json", CanonicalJSON.encode(layout.dockerManifest), tar)
            try file("oci-layout", CanonicalJSON.encode(["imageLayoutVersion": "1.0.0"]), tar)
            try tar.finish()
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ImageFailure.at(path, "image.unwritable-file", "cannot move the image archive into place")
        }
    }

    private func header(_ path: String, size: Int64) -> ArchiveEntry {
        ArchiveEntry(path: path, kind: .file, permissions: 0o644, modificationTime: modificationTime, size: size)
    }

    private func directory(_ path: String, _ tar: ArchiveWriter) throws {
        try tar.writeHeader(ArchiveEntry(path: path, kind: .directory, permissions: 0o755, modificationTime: modificationTime))
        try tar.finishEntry()
    }

    private func file(_ path: String, _ bytes: [UInt8], _ tar: ArchiveWriter) throws {
        try tar.writeHeader(header(path, size: Int64(bytes.count)))
        try tar.writeData(bytes)
        try tar.finishEntry()
    }
}
