import Foundation

/// A content-addressed cache of layer blobs: `KEY → LayerBlob`, blobs stored by digest.
///
/// The key hashes everything that decides the layer's bytes (entries and file contents, or
/// the pinned requirements and pip arguments, plus nbship's version and the gzip level), so a
/// code-only change misses only the application layer.
public struct LayerCache: Sendable {
    /// The cache directory.
    public var directory: String

    /// Opens (creating) a cache.
    /// - Parameter directory: The cache directory.
    /// - Throws: When it cannot be created.
    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory + "/blobs/sha256", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/keys", withIntermediateDirectories: true)
    }

    /// The blob file for `digest`.
    public func blobPath(_ digest: Digest) -> String { directory + "/" + digest.blobPath }

    /// A fresh temporary path inside the cache (same file system, so `rename` works).
    public func temporaryBlobPath() -> String { directory + "/blobs/tmp-\(UUID().uuidString)" }

    /// Looks up a key; a hit whose blob is missing or the wrong size counts as a miss.
    /// - Parameter key: The cache key.
    /// - Returns: The cached blob record.
    public func lookup(_ key: Digest) -> LayerBlob? {
        guard let data = FileManager.default.contents(atPath: directory + "/keys/" + key.hex),
              let blob = try? JSONDecoder().decode(LayerBlob.self, from: data) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: blobPath(blob.digest))
        guard (attributes?[.size] as? NSNumber)?.int64Value == blob.size else { return nil }
        return blob
    }

    /// Moves a written blob into the cache and records the key.
    /// - Parameters:
    ///   - temporary: The blob file (from ``temporaryBlobPath()``).
    ///   - blob: Its record.
    ///   - key: The key, or nil to store the blob without recording a key.
    /// - Throws: When the files cannot be moved or written.
    public func store(_ temporary: String, blob: LayerBlob, key: Digest?) throws {
        guard rename(temporary, blobPath(blob.digest)) == 0 else {
            throw ImageFailure.at(temporary, "image.cache-failed", "cannot move the layer into the cache")
        }
        guard let key else { return }
        let record = Data(try CanonicalJSON.encode(blob))
        let keyPath = directory + "/keys/" + key.hex
        try record.write(to: URL(fileURLWithPath: keyPath + ".tmp"))
        guard rename(keyPath + ".tmp", keyPath) == 0 else {
            throw ImageFailure.at(keyPath, "image.cache-failed", "cannot record the cache key")
        }
    }
}
