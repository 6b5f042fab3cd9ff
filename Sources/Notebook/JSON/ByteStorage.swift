#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes of one notebook file, shared by every ``RawJSON`` cut from it: either an
/// array handed to the reader, or a read-only memory mapping of the file (no copy, so a
/// 100 MB notebook costs no 100 MB `read`).
final class ByteStorage: @unchecked Sendable {
    // @unchecked: the bytes are never written after init, and a mapping is unmapped only
    // in deinit, when no one can reach it any more.
    private enum Backing {
        case array([UInt8])
        case mapping(UnsafeMutableRawPointer, Int)
    }

    private let backing: Backing

    init(_ bytes: [UInt8]) {
        backing = .array(bytes)
    }

    /// Takes ownership of a `mmap`ed region of `count` bytes.
    init(mapping: UnsafeMutableRawPointer, count: Int) {
        backing = .mapping(mapping, count)
    }

    deinit {
        if case .mapping(let pointer, let count) = backing {
            munmap(pointer, count)
        }
    }

    var count: Int {
        switch backing {
        case .array(let bytes): bytes.count
        case .mapping(_, let count): count
        }
    }

    /// Calls `body` with the bytes; the buffer is valid only during the call.
    func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch backing {
        case .array(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .mapping(let pointer, let count):
            return try body(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    /// A copy of some of the bytes.
    func copy(_ range: Range<Int>) -> [UInt8] {
        withUnsafeBytes { buffer in
            let lower = max(0, min(range.lowerBound, buffer.count))
            let upper = max(lower, min(range.upperBound, buffer.count))
            return Array(buffer[lower..<upper])
        }
    }
}
