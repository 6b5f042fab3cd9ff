import Foundation
import Image

/// Remembers which repositories of which registry a blob was pushed to (or found in), so a
/// later push to another repository of the same registry can mount it instead of uploading.
/// Kept in the cache directory as `registry/blobs/<hex>`, one `registry repository` line each;
/// a lost update (two pushes at once) only costs a mount, never correctness.
public struct BlobLocations: Sendable {
    /// The folder of the records.
    public var directory: String

    /// Opens the records under a cache directory.
    /// - Parameter cacheDirectory: The cache directory.
    public init(cacheDirectory: String) {
        directory = cacheDirectory + "/registry/blobs"
    }

    /// Repositories of `registry` known to hold `digest`.
    /// - Parameters:
    ///   - digest: The blob.
    ///   - registry: The registry.
    /// - Returns: Repository names, oldest first.
    public func repositories(holding digest: Digest, on registry: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + digest.hex) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0] == registry ? String(parts[1]) : nil
        }
    }

    /// Records that `repository` on `registry` holds `digest` (best effort).
    /// - Parameters:
    ///   - digest: The blob.
    ///   - registry: The registry.
    ///   - repository: The repository.
    public func record(_ digest: Digest, registry: String, repository: String) {
        let line = "\(registry) \(repository)"
        let path = directory + "/" + digest.hex
        var lines = (FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "")
            .split(separator: "\n").map(String.init)
        guard !lines.contains(line) else { return }
        lines.append(line)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((lines.suffix(32).joined(separator: "\n") + "\n").utf8)) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
