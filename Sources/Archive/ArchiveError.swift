/// A failure reported by libarchive or by one of the wrapper's callbacks.
///
/// Carries the operation that failed, the kind of failure (libarchive's status, as a Swift
/// value) and libarchive's own message from `archive_error_string`.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How serious libarchive said the failure was.
    public enum Kind: Sendable, Equatable {
        /// The operation could be retried (`ARCHIVE_RETRY`).
        case retry
        /// A warning that the wrapper treats as an error, so nothing passes silently.
        case warning
        /// This entry failed; the archive may continue (`ARCHIVE_FAILED`).
        case failed
        /// The archive object is unusable (`ARCHIVE_FATAL`).
        case fatal
        /// The wrapper refused to proceed (a closed archive, a bad argument).
        case misuse
    }

    /// The libarchive call or wrapper operation that failed, e.g. `archive_write_header`.
    public var operation: String
    /// The kind of failure.
    public var kind: Kind
    /// libarchive's message, or the wrapper's.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - operation: The failing call.
    ///   - kind: The kind of failure.
    ///   - message: A lower-case message.
    public init(operation: String, kind: Kind, message: String) {
        self.operation = operation
        self.kind = kind
        self.message = message
    }

    public var description: String {
        "\(operation): \(message)"
    }
}
