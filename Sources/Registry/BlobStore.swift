import Foundation
import Image

/// The content-addressed blob store shared with the layer cache (`DIR/blobs/sha256/<hex>`).
/// Every blob enters it by a rename from a temporary file in the same folder, and only after
/// its bytes were hashed and matched their digest, so two processes can fill it at once and a
/// blob found there is whole.
public struct BlobStore: Sendable {
    /// The cache directory.
    public var directory: String

    /// Opens (creating) the store.
    /// - Parameter directory: The cache directory (the same as `--cache-dir`).
    /// - Throws: When it cannot be created.
    public init(directory: String) throws {
        // Absolute, because layouts link to the blobs from elsewhere.
        self.directory = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        try FileManager.default.createDirectory(atPath: directory + "/blobs/sha256", withIntermediateDirectories: true)
    }

    /// The file for `digest`.
    public func path(_ digest: Digest) -> String { directory + "/" + digest.blobPath }

    /// Whether the blob is stored with the expected size.
    /// - Parameters:
    ///   - digest: The blob.
    ///   - size: Its size.
    /// - Returns: True when the file is there and has that size.
    public func contains(_ digest: Digest, size: Int64) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path(digest))
        return (attributes?[.size] as? NSNumber)?.int64Value == size
    }

    /// A fresh temporary path in the store (same file system as the blobs).
    func temporaryPath() -> String { directory + "/blobs/tmp-\(UUID().uuidString)" }

    /// Moves a verified temporary file into place.
    func commit(_ temporary: String, as digest: Digest) throws {
        guard rename(temporary, path(digest)) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw RegistryFailure.error("registry.cache-failed", "cannot move blob \(digest) into the cache", subject: directory)
        }
    }

    /// The default cache directory: `$XDG_CACHE_HOME/nbship`, else `~/.cache/nbship`.
    /// - Parameter environment: The process environment.
    /// - Returns: The directory.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/nbship" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/nbship"
    }
}
