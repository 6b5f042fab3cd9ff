/// Raw deflate for one fixed-offset chunk of a larger stream (``ParallelGzipWriter``): the
/// chunk's bytes depend only on its input, its dictionary and whether it is the last one.
protocol ChunkDeflater: AnyObject {
    /// Compresses `input` as one piece of a larger raw deflate stream.
    /// - Parameters:
    ///   - input: The chunk.
    ///   - dictionary: The bytes just before the chunk (empty for the first).
    ///   - final: Whether this is the last chunk (ends with the final block) or not (ends with a
    ///     sync flush, on a byte boundary, so the next chunk's bytes can follow directly).
    ///   - output: Receives the compressed bytes at its start (grown when too small, never
    ///     shrunk, so a reused buffer is not reallocated).
    /// - Returns: How many bytes of `output` hold the compressed chunk.
    /// - Throws: ``ArchiveError`` if the library fails.
    func compress(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, final: Bool,
                  into output: inout [UInt8]) throws -> Int
}
