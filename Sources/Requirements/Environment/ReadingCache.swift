import Foundation

/// A ``EnvironmentReading`` worked out at most once, shared by copies of a ``PythonEnvironment``.
final class ReadingCache: @unchecked Sendable {
    // Safety: `stored` is only read and written while `lock` is held.
    private let lock = NSLock()
    private var stored: EnvironmentReading??

    /// The cached reading, computing it with `make` the first time.
    func value(_ make: () -> EnvironmentReading?) -> EnvironmentReading? {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = .some(made)
        return made
    }
}
