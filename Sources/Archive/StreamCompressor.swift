/// A compressor fed the tar's bytes in order; it passes its output to a sink it was given.
protocol StreamCompressor: AnyObject {
    /// Compresses the next bytes (they are copied; the buffer may be reused at once).
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Ends the stream and delivers the rest of the output.
    func finish() throws
}
