import Foundation

/// Maps a function over values on all cores, keeping the order of the results.
enum ParallelMap {
    /// Results in slots written by disjoint indices; the lock orders the writes with the read.
    private final class Slots<Result>: @unchecked Sendable {
        var values: [Result?]
        let lock = NSLock()

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ value: Result, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }

    /// `values.map(transform)`, computed concurrently (in order when there are few values).
    static func map<Value: Sendable, Result: Sendable>(_ values: [Value], _ transform: @Sendable (Value) -> Result) -> [Result] {
        guard values.count > 8 else { return values.map(transform) }
        let slots = Slots<Result>(count: values.count)
        let chunks = min(values.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < values.count {
                slots.set(transform(values[index]), at: index)
                index += chunks
            }
        }
        return slots.values.compactMap { $0 }
    }
}
