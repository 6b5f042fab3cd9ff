import CZlib

/// One fixed-offset piece of the tar on its way through ``ParallelGzipWriter``: filled by the
/// producer, compressed by a worker, emitted by the producer in order, then reused.
///
/// Ownership passes by hand-over under ``DeflatePool``'s lock: the producer writes `input`,
/// `dictionary` and `final` before queueing; a worker alone writes `output`, `outputCount`,
/// `crc` and `error` until it marks the chunk done; after that only the producer touches it.
final class DeflateChunk: @unchecked Sendable {
    /// The tar bytes of this chunk (up to the chunk size).
    var input: [UInt8]
    /// The last bytes of the previous chunk (empty for the first).
    var dictionary: [UInt8] = []
    /// Whether this is the stream's last chunk.
    var final = false
    /// Compressed bytes; the first `outputCount` are valid.
    var output: [UInt8] = []
    /// How many bytes of `output` are valid.
    var outputCount = 0
    /// CRC-32 of `input`.
    var crc: uLong = 0
    /// What went wrong compressing it.
    var error: (any Error)?
    /// Set under the pool's lock when a worker is finished with it.
    var done = false

    init(capacity: Int) {
        input = []
        input.reserveCapacity(capacity)
    }

    /// Empties the chunk for reuse, keeping its buffers.
    func reset() {
        input.removeAll(keepingCapacity: true)
        dictionary.removeAll(keepingCapacity: true)
        final = false
        outputCount = 0
        crc = 0
        error = nil
        done = false
    }

    /// Compresses `input` (on a worker thread).
    func compress(with deflater: any ChunkDeflater) {
        do {
            crc = input.withUnsafeBytes { bytes in
                CZlib.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
            }
            outputCount = try input.withUnsafeBytes { bytes in
                try dictionary.withUnsafeBytes { dictionary in
                    try deflater.compress(bytes, dictionary: dictionary, final: final, into: &output)
                }
            }
        } catch {
            self.error = error
        }
    }
}
