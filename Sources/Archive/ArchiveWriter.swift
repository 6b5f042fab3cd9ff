import CArchive

/// Writes an archive through libarchive into a Swift sink, one entry at a time.
///
/// Owns its `struct archive *`. The output is fully determined by the entries written: block
/// sizes are pinned (10 KiB blocks, no padding of the last block), gzip has a fixed level and
/// a zero header timestamp, and headers carry only the fields of ``ArchiveEntry``. Every
/// libarchive return code is checked. Call ``finish()`` to close (flush) and then free; `deinit`
/// frees an unfinished writer as a fallback, marking it failed first so that nothing more is
/// written and the sink is never called from `deinit`.
public final class ArchiveWriter {
    /// Receives the archive's bytes in order; throwing aborts the archive.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private var handle: OpaquePointer?
    private let sink: Sink
    private var callbackError: Error?
    private var entry: OpaquePointer?
    private var closeCalled = false

    /// Opens a writer.
    /// - Parameters:
    ///   - format: The container format.
    ///   - filter: The compression.
    ///   - sink: Where the bytes go.
    /// - Throws: ``ArchiveError`` if libarchive rejects the configuration.
    public init(format: ArchiveFormat, filter: ArchiveFilter = .none, sink: @escaping Sink) throws {
        self.sink = sink
        guard let handle = archive_write_new() else {
            throw ArchiveError(operation: "archive_write_new", kind: .fatal, message: "out of memory")
        }
        self.handle = handle
        do {
            try configure(handle, format: format, filter: filter)
            let context = Unmanaged.passUnretained(self).toOpaque()
            try ArchiveStatus.check(
                archive_write_open2(handle, context, nil, archiveWriterCallback, nil, nil),
                "archive_write_open2", handle, pending: callbackError)
            guard let entry = archive_entry_new() else {
                throw ArchiveError(operation: "archive_entry_new", kind: .fatal, message: "out of memory")
            }
            self.entry = entry
        } catch {
            release()
            throw error
        }
    }

    deinit {
        release()
    }

    private func configure(_ handle: OpaquePointer, format: ArchiveFormat, filter: ArchiveFilter) throws {
        switch format {
        case .paxRestricted:
            try ArchiveStatus.check(archive_write_set_format_pax_restricted(handle), "archive_write_set_format_pax_restricted", handle)
        case .raw:
            try ArchiveStatus.check(archive_write_set_format_raw(handle), "archive_write_set_format_raw", handle)
        }
        switch filter {
        case .none:
            try ArchiveStatus.check(archive_write_add_filter_none(handle), "archive_write_add_filter_none", handle)
        case .gzip(let level):
            guard (1...9).contains(level) else {
                throw ArchiveError(operation: "gzip", kind: .misuse, message: "compression level \(level) is not in 1...9")
            }
            try ArchiveStatus.check(archive_write_add_filter_gzip(handle), "archive_write_add_filter_gzip", handle)
            try ArchiveStatus.check(
                archive_write_set_filter_option(handle, "gzip", "compression-level", String(level)),
                "archive_write_set_filter_option(compression-level)", handle)
            // A NULL value turns the option off: the header's MTIME field becomes 0.
            try ArchiveStatus.check(
                archive_write_set_filter_option(handle, "gzip", "timestamp", nil),
                "archive_write_set_filter_option(timestamp)", handle)
        }
        try ArchiveStatus.check(archive_write_set_bytes_per_block(handle, 10240), "archive_write_set_bytes_per_block", handle)
        try ArchiveStatus.check(archive_write_set_bytes_in_last_block(handle, 1), "archive_write_set_bytes_in_last_block", handle)
    }

    /// Called by libarchive with output bytes.
    fileprivate func deliver(_ buffer: UnsafeRawBufferPointer) -> Bool {
        do {
            try sink(buffer)
            return true
        } catch {
            callbackError = error
            return false
        }
    }

    private func openHandle(_ operation: String) throws -> (OpaquePointer, OpaquePointer) {
        guard let handle, let entry else {
            throw ArchiveError(operation: operation, kind: .misuse, message: "the archive is already finished")
        }
        return (handle, entry)
    }

    /// Writes an entry's header. Regular files must then get exactly `entry.size` bytes of data.
    /// - Parameter header: The entry; `.other` kinds are refused.
    /// - Throws: ``ArchiveError``, or the sink's error.
    public func writeHeader(_ header: ArchiveEntry) throws {
        let (handle, entry) = try openHandle("archive_write_header")
        archive_entry_clear(entry)
        archive_entry_set_pathname_utf8(entry, header.path)
        switch header.kind {
        case .file:
            archive_entry_set_filetype(entry, ArchiveEntryKind.regularFileType)
            archive_entry_set_size(entry, header.size)
        case .directory:
            archive_entry_set_filetype(entry, ArchiveEntryKind.directoryFileType)
            archive_entry_set_size(entry, 0)
        case .symlink(let target):
            archive_entry_set_filetype(entry, ArchiveEntryKind.symlinkFileType)
            archive_entry_set_symlink_utf8(entry, target)
            archive_entry_set_size(entry, 0)
        case .hardlink(let target):
            archive_entry_set_filetype(entry, ArchiveEntryKind.regularFileType)
            archive_entry_set_hardlink_utf8(entry, target)
            archive_entry_set_size(entry, 0)
        case .other:
            throw ArchiveError(operation: "archive_write_header", kind: .misuse,
                               message: "\(header.path): only files, directories and links can be written")
        }
        archive_entry_set_perm(entry, header.permissions & 0o7777)
        archive_entry_set_uid(entry, header.uid)
        archive_entry_set_gid(entry, header.gid)
        if !header.userName.isEmpty { archive_entry_set_uname_utf8(entry, header.userName) }
        if !header.groupName.isEmpty { archive_entry_set_gname_utf8(entry, header.groupName) }
        archive_entry_set_mtime(entry, time_t(header.modificationTime), 0)
        try UTF8Locale.run {
            try ArchiveStatus.check(archive_write_header(handle, entry), "archive_write_header", handle, pending: callbackError)
        }
    }

    /// Writes data for the current entry.
    /// - Parameter bytes: The next bytes.
    /// - Throws: ``ArchiveError`` if libarchive fails or accepts fewer bytes than given.
    public func writeData(_ bytes: UnsafeRawBufferPointer) throws {
        let (handle, _) = try openHandle("archive_write_data")
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let written = archive_write_data(handle, base, bytes.count)
        if written < 0 {
            if let callbackError { throw callbackError }
            throw ArchiveStatus.error(Int32(truncatingIfNeeded: written), "archive_write_data", handle)
        }
        guard written == bytes.count else {
            throw ArchiveError(operation: "archive_write_data", kind: .failed,
                               message: "wrote \(written) of \(bytes.count) bytes (more data than the entry's size)")
        }
    }

    /// Writes data for the current entry.
    /// - Parameter bytes: The next bytes.
    /// - Throws: ``ArchiveError``.
    public func writeData(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeData($0) }
    }

    /// Completes the current entry (pads it in the container).
    /// - Throws: ``ArchiveError``.
    public func finishEntry() throws {
        let (handle, _) = try openHandle("archive_write_finish_entry")
        try ArchiveStatus.check(archive_write_finish_entry(handle), "archive_write_finish_entry", handle, pending: callbackError)
    }

    /// Writes the end of the archive, flushes the compressor and frees libarchive's state.
    /// Safe to call more than once; later calls do nothing.
    /// - Throws: ``ArchiveError`` or the sink's error from the final flush.
    public func finish() throws {
        guard let handle else { return }
        let status = archive_write_close(handle)
        closeCalled = true
        let failure: Error? = status == ARCHIVE_OK ? nil : (callbackError ?? ArchiveStatus.error(status, "archive_write_close", handle))
        release()
        if let failure { throw failure }
    }

    /// Frees everything. After a successful close `archive_write_free` has nothing left to
    /// write; otherwise (an abandoned or failed writer, or `deinit`) the archive is first
    /// marked failed so that freeing it writes nothing and never calls back into Swift.
    private func release() {
        if let entry {
            archive_entry_free(entry)
            self.entry = nil
        }
        if let handle {
            if !closeCalled { _ = archive_write_fail(handle) }
            _ = archive_write_free(handle)
            self.handle = nil
        }
    }
}

/// libarchive's write callback: forwards the bytes to the owning ``ArchiveWriter``.
private func archiveWriterCallback(
    _ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ buffer: UnsafeRawPointer?, _ length: Int
) -> Int {
    guard let context else { return -1 }
    let writer = Unmanaged<ArchiveWriter>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: buffer, count: buffer == nil ? 0 : length)
    return writer.deliver(bytes) ? length : -1
}
