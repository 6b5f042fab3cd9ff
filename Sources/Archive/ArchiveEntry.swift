/// The header of one archive entry, as a value.
///
/// Writers put exactly these fields into the archive and nothing else: no atime, ctime,
/// extended attributes or ACLs, and user/group names only when non-empty.
public struct ArchiveEntry: Sendable, Hashable, Codable {
    /// The path inside the archive, without a leading `/`; directories without a trailing `/`.
    public var path: String
    /// What the entry is.
    public var kind: ArchiveEntryKind
    /// Permission bits, including setuid/setgid/sticky (`0o7777`).
    public var permissions: UInt32
    /// Owner id.
    public var uid: Int64
    /// Group id.
    public var gid: Int64
    /// Owner name; empty for none.
    public var userName: String
    /// Group name; empty for none.
    public var groupName: String
    /// Modification time, whole seconds since the epoch.
    public var modificationTime: Int64
    /// Size of the data in bytes (0 for everything but regular files).
    public var size: Int64

    /// Creates an entry header.
    /// - Parameters:
    ///   - path: The path inside the archive.
    ///   - kind: What the entry is.
    ///   - permissions: Permission bits.
    ///   - uid: Owner id.
    ///   - gid: Group id.
    ///   - userName: Owner name, empty for none.
    ///   - groupName: Group name, empty for none.
    ///   - modificationTime: Seconds since the epoch.
    ///   - size: Bytes of data for a regular file.
    public init(
        path: String, kind: ArchiveEntryKind, permissions: UInt32, uid: Int64 = 0, gid: Int64 = 0,
        userName: String = "", groupName: String = "", modificationTime: Int64 = 0, size: Int64 = 0
    ) {
        self.path = path
        self.kind = kind
        self.permissions = permissions
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.groupName = groupName
        self.modificationTime = modificationTime
        self.size = size
    }
}
