import Foundation

/// Worker threads that compress ``DeflateChunk`` values in the order they are queued (any
/// worker may take any chunk: the bytes of a chunk depend only on its input and dictionary).
/// ``close()`` stops and joins them; ``ParallelGzipWriter`` calls it when it finishes and in its
/// `deinit`, so an abandoned stream leaves no thread behind (the threads hold the pool, so the
/// pool's own `deinit` runs only after they are gone).
final class DeflatePool: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [DeflateChunk] = []
    private var closed = false
    private let running = DispatchGroup()

    /// Starts `workers` threads compressing with `codec` at `level`.
    /// - Throws: ``ArchiveError`` if the codec refuses the level.
    init(workers: Int, codec: DeflateCodec, level: Int) throws {
        _ = try codec.makeDeflater(level: level)  // fail here, on the caller's thread, for a bad level
        for number in 0..<max(1, workers) {
            running.enter()
            let thread = Thread { [self] in
                work(codec: codec, level: level)
                running.leave()
            }
            thread.name = "nbship-deflate-\(number)"
            thread.start()
        }
    }

    deinit {
        close()
    }

    /// Queues a chunk for compression.
    func enqueue(_ chunk: DeflateChunk) {
        condition.lock()
        queue.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Whether `chunk` is compressed, waiting for it when `wait` is true.
    func isDone(_ chunk: DeflateChunk, wait: Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !chunk.done {
            guard wait else { return false }
            condition.wait()
        }
        return true
    }

    /// Stops the workers once the queue is empty and waits for them. Safe to call twice.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        running.wait()
    }

    private func work(codec: DeflateCodec, level: Int) {
        let deflater = try? codec.makeDeflater(level: level)
        while let chunk = next() {
            if let deflater {
                chunk.compress(with: deflater)
            } else {
                chunk.error = ArchiveError(operation: "deflateInit2", kind: .fatal, message: "\(codec.name) could not start a stream")
            }
            condition.lock()
            chunk.done = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private func next() -> DeflateChunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if closed { return nil }
            condition.wait()
        }
        return queue.removeFirst()
    }
}
