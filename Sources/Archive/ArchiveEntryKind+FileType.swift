import CArchive

extension ArchiveEntryKind {
    // libarchive's AE_IF* values (macros with casts, which Swift does not import).
    static let regularFileType: UInt32 = 0o100000
    static let directoryFileType: UInt32 = 0o040000
    static let symlinkFileType: UInt32 = 0o120000

    /// Reads the kind of a libarchive entry.
    init(entry: OpaquePointer) {
        let type = UInt32(archive_entry_filetype(entry))
        if let target = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
            self = .hardlink(target: String(cString: target))
            return
        }
        switch type {
        case Self.regularFileType: self = .file
        case Self.directoryFileType: self = .directory
        case Self.symlinkFileType:
            let target = archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry)
            self = .symlink(target: target.map { String(cString: $0) } ?? "")
        default: self = .other(fileType: type)
        }
    }
}
