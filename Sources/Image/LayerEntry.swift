import Archive

/// One entry of a layer, ready to write: where it goes, what it is, and where its bytes come
/// from on disk.
public struct LayerEntry: Sendable, Hashable {
    /// The header written to the tar (path relative to the image root).
    public var header: ArchiveEntry
    /// The file whose bytes become the entry's data (regular files only).
    public var sourcePath: String?

    /// Creates an entry.
    /// - Parameters:
    ///   - header: The tar header.
    ///   - sourcePath: The file to copy, for regular files.
    public init(header: ArchiveEntry, sourcePath: String? = nil) {
        self.header = header
        self.sourcePath = sourcePath
    }
}
