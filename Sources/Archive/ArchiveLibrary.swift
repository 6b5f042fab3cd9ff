import CArchive

/// Versions of the compression code in use (part of layer cache keys: another zlib may
/// compress differently).
public enum ArchiveLibrary {
    /// e.g. `libarchive 3.6.2`.
    public static var version: String { String(cString: archive_version_string()) }
    /// The zlib version libarchive was built against, e.g. `1.2.13`.
    public static var zlibVersion: String { archive_zlib_version().map { String(cString: $0) } ?? "none" }
}
