/// The container format an ``ArchiveWriter`` produces or an ``ArchiveReader`` accepts.
public enum ArchiveFormat: Sendable, Equatable {
    /// POSIX tar: ustar headers, with pax extended headers only where ustar cannot hold a
    /// field (long or non-ASCII names, large ids).
    case paxRestricted
    /// No container: the data of a single entry, verbatim (used to gzip a stream).
    case raw
}
