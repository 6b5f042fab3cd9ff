/// The compression an ``ArchiveWriter`` applies to its output.
public enum ArchiveFilter: Sendable, Equatable {
    /// No compression.
    case none
    /// gzip at a fixed `level` (1–9), with a zero header timestamp and no file name.
    case gzip(level: Int)
}
