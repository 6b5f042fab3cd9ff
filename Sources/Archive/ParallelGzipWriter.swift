import CZlib

/// gzip on several cores whose bytes do not depend on the number of cores: see
/// ``LayerCompression/gzip(level:codec:)`` for the format.
///
/// The caller's thread cuts the input into chunks and emits the compressed chunks in order
/// (hashing and writing happen there, in the sink); ``DeflatePool``'s workers compress. At most
/// `maxInFlight` (workers + 1) chunks are queued or being compressed and one more is filling,
/// each holding its input and its output, so memory is bounded by about
/// `2 × (maxInFlight + 1) × chunkSize` whatever the input's size (2 MiB for two workers).
final class ParallelGzipWriter: StreamCompressor {
    private let sink: ArchiveWriter.Sink
    private let chunkSize: Int
    private let dictionarySize: Int
    /// The worker threads (internal for the tests).
    let pool: DeflatePool
    private var current: DeflateChunk
    private var inFlight: [DeflateChunk] = []
    private var spare: [DeflateChunk] = []
    private var crc: uLong = 0
    private var length: UInt64 = 0
    private var finished = false
    /// Chunks allocated so far (never more than `maxInFlight + 1`: the bound on memory).
    private(set) var allocatedChunks = 1
    /// The most chunks queued or being compressed at once.
    let maxInFlight: Int

    /// Starts a gzip member and writes its header.
    /// - Parameters:
    ///   - level: The codec's level (``DeflateCodec/validLevels``).
    ///   - codec: The deflate implementation (ISA-L unless told).
    ///   - chunkSize: Bytes per chunk (at least `dictionarySize`).
    ///   - dictionarySize: Bytes of the previous chunk each chunk is primed with (≤ 32 KiB).
    ///   - workers: Compressing threads (any number gives the same bytes).
    ///   - sink: Receives the gzip bytes in order, on the caller's thread.
    /// - Throws: ``ArchiveError`` for a bad level or sizes, or the sink's error.
    init(level: Int, codec: DeflateCodec = .isal, chunkSize: Int = LayerCompression.gzipChunkSize, dictionarySize: Int = LayerCompression.dictionarySize,
         workers: Int, sink: @escaping ArchiveWriter.Sink) throws {
        guard dictionarySize <= 32 << 10, chunkSize >= dictionarySize, chunkSize > 0 else {
            throw ArchiveError(operation: "gzip", kind: .misuse, message: "chunk size \(chunkSize) or dictionary size \(dictionarySize) out of range")
        }
        self.sink = sink
        self.chunkSize = chunkSize
        self.dictionarySize = dictionarySize
        self.maxInFlight = max(1, workers) + 1
        self.pool = try DeflatePool(workers: workers, codec: codec, level: level)
        self.current = DeflateChunk(capacity: chunkSize)
        // Magic, deflate, no flags, MTIME 0, XFL (4: fastest, 2: best, else 0), OS 3 (Unix).
        let extraFlags: UInt8 = codec == .isal || level == 1 ? 4 : (level == 9 ? 2 : 0)
        try [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, extraFlags, 3].withUnsafeBytes { try sink($0) }
    }

    /// An abandoned stream (an error before ``finish()``) stops its threads: they hold the pool,
    /// so the pool's own `deinit` would never run while they wait for work.
    deinit {
        pool.close()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else {
            throw ArchiveError(operation: "gzip", kind: .misuse, message: "the gzip stream is already finished")
        }
        var offset = 0
        while offset < bytes.count {
            let take = min(chunkSize - current.input.count, bytes.count - offset)
            // As typed bytes, so the append is one copy rather than a loop over a raw collection.
            current.input.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]).assumingMemoryBound(to: UInt8.self))
            offset += take
            if current.input.count == chunkSize { try submit(final: false) }
        }
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        try submit(final: true)
        try drain(keepingAtMost: 0)
        pool.close()
        var trailer = [UInt8](repeating: 0, count: 8)
        for index in 0..<4 {
            trailer[index] = UInt8(truncatingIfNeeded: UInt64(crc) >> (8 * index))
            trailer[4 + index] = UInt8(truncatingIfNeeded: length >> (8 * index))
        }
        try trailer.withUnsafeBytes { try sink($0) }
    }

    /// Queues the current chunk and starts the next one, primed with this one's tail.
    private func submit(final: Bool) throws {
        let chunk = current
        chunk.final = final
        try drain(keepingAtMost: maxInFlight - 1)
        if !final {
            let next = spare.popLast() ?? allocateChunk()
            next.dictionary.append(contentsOf: chunk.input.suffix(dictionarySize))
            current = next
        }
        inFlight.append(chunk)
        pool.enqueue(chunk)
    }

    private func allocateChunk() -> DeflateChunk {
        allocatedChunks += 1
        return DeflateChunk(capacity: chunkSize)
    }

    /// Emits finished chunks in order, waiting while more than `limit` are in flight.
    private func drain(keepingAtMost limit: Int) throws {
        while let head = inFlight.first, pool.isDone(head, wait: inFlight.count > limit) {
            inFlight.removeFirst()
            if let error = head.error { throw error }
            crc = crc32_combine(crc, head.crc, off_t(head.input.count))
            length &+= UInt64(head.input.count)
            try head.output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<head.outputCount])) }
            head.reset()
            spare.append(head)
        }
    }
}
