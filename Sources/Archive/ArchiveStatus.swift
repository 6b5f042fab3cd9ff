import CArchive

/// Turns libarchive return codes into thrown ``ArchiveError``s; the only place that knows the
/// `ARCHIVE_*` constants.
enum ArchiveStatus {
    /// Throws unless `code` is `ARCHIVE_OK`.
    /// - Parameters:
    ///   - code: The return code.
    ///   - operation: The call that returned it.
    ///   - handle: The archive, for `archive_error_string`.
    ///   - pending: An error raised inside a callback during the call; it wins over libarchive's.
    static func check(_ code: Int32, _ operation: String, _ handle: OpaquePointer?, pending: Error? = nil) throws {
        if code == ARCHIVE_OK { return }
        if let pending { throw pending }
        throw error(code, operation, handle)
    }

    /// Builds the error for a non-OK return code.
    static func error(_ code: Int32, _ operation: String, _ handle: OpaquePointer?) -> ArchiveError {
        let kind: ArchiveError.Kind
        switch code {
        case ARCHIVE_RETRY: kind = .retry
        case ARCHIVE_WARN: kind = .warning
        case ARCHIVE_FAILED: kind = .failed
        default: kind = .fatal
        }
        return ArchiveError(operation: operation, kind: kind, message: message(handle))
    }

    /// libarchive's message for the last error on `handle`.
    static func message(_ handle: OpaquePointer?) -> String {
        guard let handle, let text = archive_error_string(handle) else { return "unknown libarchive error" }
        return String(cString: text)
    }

    /// `ARCHIVE_EOF`.
    static let endOfArchive = ARCHIVE_EOF
}
