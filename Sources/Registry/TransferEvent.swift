import Image

/// Progress of a push or a pull, one blob at a time.
public enum TransferEvent: Sendable {
    /// A blob's transfer began (or it was found present: `done == size` at once).
    case started(digest: Digest, size: Int64)
    /// Bytes of a blob moved so far.
    case progress(digest: Digest, done: Int64, size: Int64)
    /// A blob is finished: `outcome` is `uploaded`, `mounted`, `present`, `downloaded` or `cached`.
    case finished(digest: Digest, size: Int64, outcome: String)
}

/// A progress callback.
public typealias TransferProgress = @Sendable (TransferEvent) -> Void
