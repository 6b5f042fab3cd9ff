import Foundation

/// `read(2)`/`write(2)` loops for the layer and archive writers: one reused buffer and no
/// `Data` copies, so streaming a large blob costs no memory beyond the buffer.
enum RawFileIO {
    /// Bytes read at a time.
    static let bufferSize = 256 << 10

    /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`.
    /// - Throws: `DiagnosticError` (`image.unwritable-file`) located at `path`.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ImageFailure.at(path, "image.unwritable-file", "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Calls `body` with successive pieces of the file at `path`, and checks that exactly
    /// `expectedSize` bytes were there.
    /// - Parameters:
    ///   - path: The file.
    ///   - expectedSize: Its size when it was scanned.
    ///   - buffer: A reused buffer (``bufferSize`` bytes).
    ///   - changed: The diagnostic id and message when the size differs.
    ///   - body: Receives each piece.
    /// - Throws: `DiagnosticError` when it cannot be opened or read, or changed size; `body`'s errors.
    static func readAll(
        _ path: String, expectedSize: Int64, buffer: inout [UInt8], changed: (id: String, message: String),
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw ImageFailure.at(path, "image.unreadable-file", "cannot open file") }
        defer { close(input) }
        var copied: Int64 = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImageFailure.at(path, "image.unreadable-file", "cannot read file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            copied += Int64(count)
            guard copied <= expectedSize else { break }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        guard copied == expectedSize else { throw ImageFailure.at(path, changed.id, changed.message) }
    }
}
