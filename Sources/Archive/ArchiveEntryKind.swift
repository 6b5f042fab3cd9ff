/// What an archive entry is.
public enum ArchiveEntryKind: Sendable, Hashable, Codable {
    /// A regular file; its bytes follow the header.
    case file
    /// A directory.
    case directory
    /// A symbolic link to `target`.
    case symlink(target: String)
    /// A hard link to an earlier entry at `target` (a path inside the archive).
    case hardlink(target: String)
    /// Anything else (devices, fifos, sockets); readers report it, writers refuse it.
    case other(fileType: UInt32)
}
