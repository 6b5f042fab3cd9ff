import CIsal
import CZlib

/// The raw-deflate implementation behind a gzip layer. Both write the same format (see
/// ``LayerCompression/gzip(level:codec:)``), but not the same bytes, so the codec, its version
/// and (for ISA-L) its kernel family are part of the layer's settings.
///
/// - `isal`: ISA-L's igzip (levels 0–3), the default: about six times zlib level 1's speed
///   per core on the benchmark tree for 1.4 % more bytes (`bench/image/codec_choice.c`).
///   Its x86-64 kernels for SSE4.2, AVX and AVX2 give identical bytes; its generic C kernel
///   (x86-64 CPUs without SSE4.2) gives other bytes, and aarch64 has kernels of its own, so
///   ``kernelFamily`` names the family and a cache never mixes them.
/// - `zlib`: zlib (levels 1–9), portable: the same bytes on every CPU and architecture.
public enum DeflateCodec: String, Sendable, Hashable, CaseIterable {
    case isal
    case zlib

    /// The library's name as recorded: `isa-l` or `zlib`.
    public var name: String {
        switch self {
        case .isal: "isa-l"
        case .zlib: "zlib"
        }
    }

    /// The library's version, e.g. `2.30.0` or `1.2.13`.
    public var version: String {
        switch self {
        case .isal:
            let version = nbship_isal_version()
            return "\(version >> 16).\((version >> 8) & 0xFF).\(version & 0xFF)"
        case .zlib:
            return String(cString: zlibVersion())
        }
    }

    /// The family of kernels whose bytes this CPU gets (ISA-L), or nil when the bytes do not
    /// depend on the CPU (zlib).
    public var kernelFamily: String? {
        switch self {
        case .isal:
            switch nbship_isal_kernel_family() {
            case 1: "x86-64-sse4.2"
            case 0: "x86-64-generic"
            case 3: "aarch64"
            default: "generic"
            }
        case .zlib:
            nil
        }
    }

    /// The levels the library accepts.
    public var validLevels: ClosedRange<Int> {
        switch self {
        case .isal: 0...3
        case .zlib: 1...9
        }
    }

    /// A fresh compressor for chunks at `level`.
    /// - Throws: ``ArchiveError`` for a level outside ``validLevels`` or a library failure.
    func makeDeflater(level: Int) throws -> any ChunkDeflater {
        switch self {
        case .isal: try IsalDeflater(level: level)
        case .zlib: try Deflater(level: level)
        }
    }
}
