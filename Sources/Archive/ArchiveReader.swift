import CArchive

/// Reads an archive file through libarchive, one entry at a time.
///
/// Owns its `struct archive *`; ``close()`` is safe to call twice and `deinit` is the
/// fallback. Any compression libarchive knows is undone transparently.
public final class ArchiveReader {
    private var handle: OpaquePointer?

    /// Opens `path` for reading.
    /// - Parameters:
    ///   - path: The archive file.
    ///   - format: `.paxRestricted` reads any tar dialect; `.raw` yields the (decompressed)
    ///     bytes as a single entry.
    /// - Throws: ``ArchiveError`` if the file cannot be opened or is not in the format.
    public init(path: String, format: ArchiveFormat = .paxRestricted) throws {
        guard let handle = archive_read_new() else {
            throw ArchiveError(operation: "archive_read_new", kind: .fatal, message: "out of memory")
        }
        self.handle = handle
        do {
            switch format {
            case .paxRestricted:
                try ArchiveStatus.check(archive_read_support_format_tar(handle), "archive_read_support_format_tar", handle)
            case .raw:
                try ArchiveStatus.check(archive_read_support_format_raw(handle), "archive_read_support_format_raw", handle)
            }
            try ArchiveStatus.check(archive_read_support_filter_all(handle), "archive_read_support_filter_all", handle)
            try UTF8Locale.run {
                try ArchiveStatus.check(archive_read_open_filename(handle, path, 65536), "archive_read_open_filename", handle)
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private func openHandle(_ operation: String) throws -> OpaquePointer {
        guard let handle else {
            throw ArchiveError(operation: operation, kind: .misuse, message: "the archive is already closed")
        }
        return handle
    }

    /// Moves to the next entry.
    /// - Returns: Its header, or `nil` at the end of the archive.
    /// - Throws: ``ArchiveError`` on a damaged archive.
    public func next() throws -> ArchiveEntry? {
        let handle = try openHandle("archive_read_next_header")
        return try UTF8Locale.run {
            var entry: OpaquePointer?
            let status = archive_read_next_header(handle, &entry)
            if status == ArchiveStatus.endOfArchive { return nil }
            try ArchiveStatus.check(status, "archive_read_next_header", handle)
            guard let entry else {
                throw ArchiveError(operation: "archive_read_next_header", kind: .fatal, message: "no entry returned")
            }
            var path = (archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)).map { String(cString: $0) } ?? ""
            // tar stores directories as `name/`; the value type names them without the slash.
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            return ArchiveEntry(
                path: path,
                kind: ArchiveEntryKind(entry: entry),
                permissions: UInt32(archive_entry_perm(entry)),
                uid: archive_entry_uid(entry),
                gid: archive_entry_gid(entry),
                userName: archive_entry_uname_utf8(entry).map { String(cString: $0) } ?? "",
                groupName: archive_entry_gname_utf8(entry).map { String(cString: $0) } ?? "",
                modificationTime: Int64(archive_entry_mtime(entry)),
                size: archive_entry_size(entry))
        }
    }

    /// Reads the current entry's data in chunks.
    /// - Parameter body: Called with each chunk, in order.
    /// - Throws: ``ArchiveError`` or what `body` throws.
    public func readData(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let handle = try openHandle("archive_read_data")
        let capacity = 65536
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = archive_read_data(handle, buffer, capacity)
            if count == 0 { return }
            if count < 0 {
                throw ArchiveStatus.error(Int32(truncatingIfNeeded: count), "archive_read_data", handle)
            }
            try body(UnsafeRawBufferPointer(start: buffer, count: count))
        }
    }

    /// Reads all of the current entry's data into memory (for small entries such as JSON).
    /// - Parameter limit: The most bytes to accept.
    /// - Returns: The bytes.
    /// - Throws: ``ArchiveError``, also when the entry is larger than `limit`.
    public func readAll(limit: Int = 64 << 20) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try readData { chunk in
            guard bytes.count + chunk.count <= limit else {
                throw ArchiveError(operation: "archive_read_data", kind: .misuse, message: "entry larger than \(limit) bytes")
            }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// Closes and frees the archive. Safe to call more than once.
    public func close() {
        guard let handle else { return }
        _ = archive_read_close(handle)
        _ = archive_read_free(handle)
        self.handle = nil
    }
}
