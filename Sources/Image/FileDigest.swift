import Archive
import Crypto
import Foundation

/// Streaming SHA-256 of files and of decompressed streams.
public enum FileDigest {
    /// Hashes a file's bytes.
    /// - Parameter path: The file.
    /// - Returns: Its digest and size.
    /// - Throws: `DiagnosticError` if it cannot be read.
    public static func of(file path: String) throws -> (digest: Digest, size: Int64) {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw ImageFailure.at(path, "image.unreadable-file", "cannot open file")
        }
        defer { try? input.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return (Digest(hex: hasher.finalize().hexString), size)
    }

    /// Hashes a file after undoing its compression (gzip, zstd, … or none).
    /// - Parameter path: The compressed file.
    /// - Returns: The digest and size of the decompressed bytes.
    /// - Throws: `ArchiveError` on corrupt data.
    public static func ofDecompressed(file path: String) throws -> (digest: Digest, size: Int64) {
        let reader = try ArchiveReader(path: path, format: .raw)
        defer { reader.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        if try reader.next() != nil {
            try reader.readData { chunk in
                hasher.update(bufferPointer: chunk)
                size += Int64(chunk.count)
            }
        }
        return (Digest(hex: hasher.finalize().hexString), size)
    }

    /// Whether the file starts with the gzip magic bytes.
    static func isGzip(_ path: String) -> Bool {
        guard let input = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? input.close() }
        let head = (try? input.read(upToCount: 2)) ?? Data()
        return head == Data([0x1F, 0x8B])
    }
}
