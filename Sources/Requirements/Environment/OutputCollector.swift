import Foundation

/// Bytes collected by a reader thread, handed over once it has finished.
final class OutputCollector: @unchecked Sendable {
    // Safety: `data` is written once, before `done` is signalled, and read only after `wait()`.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// Stores the bytes and wakes the waiter; call exactly once.
    /// - Parameter value: Everything the reader read.
    func finish(with value: Data) {
        data = value
        done.signal()
    }

    /// Blocks until ``finish(with:)`` has been called.
    /// - Returns: The bytes.
    func wait() -> Data {
        done.wait()
        return data
    }
}
