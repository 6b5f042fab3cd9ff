import CIsal

/// One ISA-L (igzip) raw-deflate stream, started afresh for every chunk. Owns its
/// heap-allocated `isal_zstream` (about 80 KiB; ISA-L keeps pointers into it, so it must never
/// move) and its level buffer, whose size is fixed (``levelBufferSize``): it decides where
/// ISA-L cuts blocks, so it decides the bytes.
final class IsalDeflater: ChunkDeflater {
    private let stream: UnsafeMutablePointer<isal_zstream>
    private let level: UInt32
    private let levelBuffer: UnsafeMutableRawBufferPointer?

    /// The level buffer for `level`: ISA-L's default sizes (none for level 0).
    static func levelBufferSize(_ level: Int) -> Int {
        Int(nbship_isal_level_buffer_size(Int32(level)))
    }

    /// Opens a stream.
    /// - Parameter level: ISA-L level 0–3.
    /// - Throws: ``ArchiveError`` for another level.
    init(level: Int) throws {
        guard DeflateCodec.isal.validLevels.contains(level) else {
            throw ArchiveError(operation: "isal_deflate_init", kind: .misuse, message: "ISA-L level \(level) is not in 0...3")
        }
        self.level = UInt32(level)
        let size = Self.levelBufferSize(level)
        levelBuffer = size > 0 ? .allocate(byteCount: size, alignment: 64) : nil
        stream = .allocate(capacity: 1)
        stream.initialize(to: isal_zstream())
    }

    deinit {
        stream.deinitialize(count: 1)
        stream.deallocate()
        levelBuffer?.deallocate()
    }

    func compress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, final: Bool,
                  into output: inout [UInt8]) throws -> Int {
        isal_deflate_init(stream)
        stream.pointee.level = level
        stream.pointee.level_buf = levelBuffer?.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.level_buf_size = UInt32(levelBuffer?.count ?? 0)
        stream.pointee.flush = UInt16(final ? NO_FLUSH : SYNC_FLUSH)
        stream.pointee.end_of_stream = final ? 1 : 0
        if let base = dictionary.baseAddress, dictionary.count > 0 {
            try check(isal_deflate_set_dict(stream, UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self)),
                                            UInt32(dictionary.count)), "isal_deflate_set_dict")
        }
        // Stored blocks cost 5 bytes per 64 KiB: this bound is never reached in practice.
        let bound = input.count + input.count / 16 + 1024
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        var produced = 0
        while true {
            let status = output.withUnsafeMutableBytes { out -> Int32 in
                stream.pointee.next_out = out.baseAddress?.advanced(by: produced).assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(out.count - produced)
                let status = isal_deflate(stream)
                produced = out.count - Int(stream.pointee.avail_out)
                return status
            }
            try check(status, "isal_deflate")
            let ended = stream.pointee.internal_state.state == (final ? ZSTATE_END : ZSTATE_NEW_HDR)
            if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 && ended { break }
            output.append(contentsOf: repeatElement(0, count: 1 << 16))
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return produced
    }

    private func check(_ status: Int32, _ operation: String) throws {
        guard status == COMP_OK else {
            throw ArchiveError(operation: operation, kind: .fatal, message: "ISA-L error \(status)")
        }
    }
}
