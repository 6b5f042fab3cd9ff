import CZlib

/// One zlib raw-deflate stream, reused for chunk after chunk (`deflateReset` gives the same
/// bytes as a fresh stream). Owns its heap-allocated `z_stream`: zlib keeps a pointer back to
/// it, so it must never move.
final class Deflater: ChunkDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let level: Int32

    /// Opens a stream.
    /// - Parameter level: zlib level 1–9.
    /// - Throws: ``ArchiveError`` if zlib refuses.
    init(level: Int) throws {
        guard (1...9).contains(level) else {
            throw ArchiveError(operation: "deflateInit2", kind: .misuse, message: "gzip level \(level) is not in 1...9")
        }
        self.level = Int32(level)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = nbship_deflate_init_raw(stream, self.level)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Self.error("deflateInit2", status)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func compress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws -> Int {
        try check(deflateReset(stream), "deflateReset")
        if let base = dictionary.baseAddress, dictionary.count > 0 {
            try check(deflateSetDictionary(stream, base.assumingMemoryBound(to: Bytef.self), uInt(dictionary.count)), "deflateSetDictionary")
        }
        let flush = final ? Z_FINISH : Z_SYNC_FLUSH
        let bound = Int(deflateBound(stream, uLong(input.count))) + 64
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        var produced = 0
        while true {
            let status = output.withUnsafeMutableBytes { out -> Int32 in
                stream.pointee.next_out = out.baseAddress?.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(out.count - produced)
                let status = deflate(stream, flush)
                produced = out.count - Int(stream.pointee.avail_out)
                return status
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw Self.error("deflate", status) }
            let done = final ? status == Z_STREAM_END : (stream.pointee.avail_in == 0 && produced < output.count)
            if done { break }
            output.append(contentsOf: repeatElement(0, count: 1 << 16))
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return produced
    }

    private func check(_ status: Int32, _ operation: String) throws {
        guard status == Z_OK else { throw Self.error(operation, status) }
    }

    private static func error(_ operation: String, _ status: Int32) -> ArchiveError {
        ArchiveError(operation: operation, kind: .fatal, message: "zlib error \(status)")
    }
}
