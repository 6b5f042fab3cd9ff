import Foundation

/// The files of an OCI layout: in a directory, or read in place from an uncompressed
/// oci-archive through a ``TarIndex``.
public struct LayoutFiles: Sendable {
    /// A file's bytes: `size` bytes from `offset` in `path`.
    struct Region {
        var path: String
        var offset: UInt64
        var size: Int64
    }

    private let root: String
    private let index: [String: Region]?

    /// A layout directory.
    /// - Parameter directory: The directory (index.json, blobs/).
    public init(directory: String) {
        root = directory
        index = nil
    }

    /// An oci-archive read in place, or nil when it is not a plain tar (unpack it then).
    /// - Parameter archive: The tar.
    public init?(archive: String) {
        guard let tar = try? TarIndex(path: archive), tar.entries["index.json"] != nil else { return nil }
        root = archive
        index = tar.entries.mapValues { Region(path: archive, offset: $0.offset, size: $0.size) }
    }

    /// What to name in messages.
    var origin: String { root }

    /// Where `relative` lies, if it exists.
    func region(_ relative: String) -> Region? {
        if let index { return index[relative] }
        let path = root + "/" + relative
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.int64Value else { return nil }
        return Region(path: path, offset: 0, size: size)
    }

    /// The whole of a small file (documents, not layers).
    func contents(_ relative: String) -> [UInt8]? {
        guard let region = region(relative), region.size <= 64 << 20,
              let handle = FileHandle(forReadingAtPath: region.path) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: region.offset)
            let data = try handle.read(upToCount: Int(region.size)) ?? Data()
            return data.count == Int(region.size) ? [UInt8](data) : nil
        } catch {
            return nil
        }
    }
}
