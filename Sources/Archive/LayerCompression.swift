import CZlib
import CZstd

/// How a layer's tar is compressed. Part of the reproducibility contract: every field here
/// decides the blob's bytes, so all of them (with the codec's version) go into the layer cache
/// key and into the annotations of the layer's descriptor.
///
/// - `gzip`: zlib's raw deflate at `level`, the tar cut into chunks of ``gzipChunkSize`` bytes
///   at fixed offsets; each chunk is compressed on its own thread with the previous chunk's
///   last ``dictionarySize`` bytes as its preset dictionary, ended on a byte boundary by a sync
///   flush (the last chunk by the final block), and the chunks are joined into one gzip member
///   whose CRC-32 and length are combined from the chunks'. The bytes depend only on the tar.
/// - `zstd`: libzstd's multi-threaded compressor at `level`, jobs of ``zstdJobSize`` bytes,
///   frame checksum on; libzstd gives the same frame for any number of workers ≥ 1.
public enum LayerCompression: Sendable, Hashable {
    /// gzip at a zlib level (1–9).
    case gzip(level: Int)
    /// zstd at a libzstd level (1–19).
    case zstd(level: Int)

    /// The default: gzip level 1 (measured: 3.2× the speed of level 6 for 4.8 % more bytes on
    /// the benchmark's dependency tree; see README, "Performance").
    public static let defaultGzip = LayerCompression.gzip(level: 1)
    /// `--compression zstd`: level 3, libzstd's own default.
    public static let defaultZstd = LayerCompression.zstd(level: 3)

    /// Bytes of tar per gzip chunk (a fixed offset grid: 256 KiB; measured by instruction count
    /// on the benchmark tree, 1.5 % more work than 512 KiB chunks and 2 MiB less memory).
    public static let gzipChunkSize = 256 << 10
    /// Bytes of the previous chunk each gzip chunk is primed with (deflate's whole window).
    public static let dictionarySize = 32 << 10
    /// Bytes of tar per libzstd job.
    public static let zstdJobSize = 1 << 20

    /// `gzip` or `zstd`: the media type's suffix and what `nbship inspect` shows.
    public var format: String {
        switch self {
        case .gzip: "gzip"
        case .zstd: "zstd"
        }
    }

    /// The compression level.
    public var level: Int {
        switch self {
        case .gzip(let level), .zstd(let level): level
        }
    }

    /// The library that compresses: `zlib` or `libzstd`.
    public var codec: String {
        switch self {
        case .gzip: "zlib"
        case .zstd: "libzstd"
        }
    }

    /// The version of ``codec`` linked into this binary, e.g. `1.2.13`.
    public var codecVersion: String {
        switch self {
        case .gzip: String(cString: zlibVersion())
        case .zstd: String(cString: ZSTD_versionString())
        }
    }

    /// The chunk (gzip) or job (zstd) size in bytes.
    public var chunkSize: Int {
        switch self {
        case .gzip: Self.gzipChunkSize
        case .zstd: Self.zstdJobSize
        }
    }

    /// The levels the codec accepts.
    public var validLevels: ClosedRange<Int> {
        switch self {
        case .gzip: 1...9
        case .zstd: 1...19
        }
    }

    /// Everything that decides the bytes, as strings: codec, version, level, chunk size (and the
    /// dictionary size for gzip). Goes into cache keys and descriptor annotations.
    public var settings: [String: String] {
        var settings = [
            "compression": format, "compressor": "\(codec) \(codecVersion)", "level": String(level),
            "chunk-size": String(chunkSize),
        ]
        if case .gzip = self { settings["dictionary-size"] = String(Self.dictionarySize) }
        return settings
    }
}
