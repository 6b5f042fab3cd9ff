import Foundation

/// `map` over items on a few GCD threads at a time, awaited without blocking the cooperative pool
/// (the work itself blocks: it waits for processes).
enum ParallelMap {
    /// - Parameters:
    ///   - items: the inputs.
    ///   - width: how many run at the same time (at least one).
    ///   - transform: the blocking work for one item.
    /// - Returns: the results, in the order of `items`.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        let state = ParallelMapState<Result>(count: items.count)
        return await withCheckedContinuation { continuation in
            let group = DispatchGroup()
            for _ in 0..<max(1, min(width, items.count)) {
                group.enter()
                DispatchQueue.global().async {
                    while let index = state.claim() {
                        state.store(transform(items[index]), at: index)
                    }
                    group.leave()
                }
            }
            group.notify(queue: .global()) {
                continuation.resume(returning: state.results)
            }
        }
    }
}

/// The next unclaimed index and the results so far, behind a lock.
final class ParallelMapState<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next index nobody has taken, or `nil` when all are taken.
    func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    /// Every stored result, in index order (call after all work finished).
    var results: [Result] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
