import CZstd

/// zstd through libzstd's multi-threaded compressor (always at least one worker: libzstd's
/// frame is then the same for any number of workers, and different from its single-threaded
/// mode, which nbship never uses). Owns its `ZSTD_CCtx`.
final class ZstdWriter: StreamCompressor {
    private let context: OpaquePointer
    private let sink: ArchiveWriter.Sink
    private var output: [UInt8]
    private var finished = false

    /// Starts a frame.
    /// - Parameters:
    ///   - level: libzstd level 1–19.
    ///   - jobSize: Bytes per job (``LayerCompression/zstdJobSize``).
    ///   - workers: Worker threads (clamped to at least 1).
    ///   - sink: Receives the frame's bytes in order, on the caller's thread.
    /// - Throws: ``ArchiveError`` if libzstd refuses a parameter (a build without threads).
    init(level: Int, jobSize: Int = LayerCompression.zstdJobSize, workers: Int, sink: @escaping ArchiveWriter.Sink) throws {
        guard (1...19).contains(level) else {
            throw ArchiveError(operation: "zstd", kind: .misuse, message: "zstd level \(level) is not in 1...19")
        }
        guard let context = ZSTD_createCCtx() else {
            throw ArchiveError(operation: "ZSTD_createCCtx", kind: .fatal, message: "out of memory")
        }
        self.context = context
        self.sink = sink
        self.output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        try set(ZSTD_c_compressionLevel, level, "level")
        try set(ZSTD_c_checksumFlag, 1, "checksum")
        try set(ZSTD_c_nbWorkers, max(1, workers), "workers (libzstd built without threads?)")
        try set(ZSTD_c_jobSize, jobSize, "job size")
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    private func set(_ parameter: ZSTD_cParameter, _ value: Int, _ what: String) throws {
        try check(ZSTD_CCtx_setParameter(context, parameter, Int32(value)), "ZSTD_CCtx_setParameter(\(what))")
    }

    @discardableResult
    private func check(_ code: Int, _ operation: String) throws -> Int {
        if ZSTD_isError(code) != 0 {
            throw ArchiveError(operation: operation, kind: .fatal, message: String(cString: ZSTD_getErrorName(code)))
        }
        return code
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else {
            throw ArchiveError(operation: "zstd", kind: .misuse, message: "the zstd stream is already finished")
        }
        guard bytes.count > 0 else { return }
        var input = ZSTD_inBuffer(src: bytes.baseAddress, size: bytes.count, pos: 0)
        while input.pos < input.size {
            _ = try step(&input, ZSTD_e_continue)
        }
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&input, ZSTD_e_end) != 0 {}
    }

    /// One call of `ZSTD_compressStream2`; delivers what it produced and returns what libzstd
    /// says remains to flush.
    private func step(_ input: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective) throws -> Int {
        let (remaining, produced) = try output.withUnsafeMutableBytes { buffer -> (Int, Int) in
            var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
            let remaining = try check(ZSTD_compressStream2(context, &out, &input, directive), "ZSTD_compressStream2")
            return (remaining, out.pos)
        }
        if produced > 0 {
            try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<produced])) }
        }
        return remaining
    }
}
