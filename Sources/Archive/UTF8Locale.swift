import CArchive

/// Runs archive work under a UTF-8 `LC_CTYPE` on the calling thread, whatever the process
/// locale is, and restores the previous thread locale afterwards.
enum UTF8Locale {
    /// Created once; never freed (it lives as long as the process).
    nonisolated(unsafe) private static let locale: locale_t? = nbship_utf8_locale()

    /// Runs `body` with the thread's locale switched to `C.UTF-8`.
    /// - Parameter body: The archive work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        guard let locale else { return try body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return try body()
    }
}
