import CZstd

/// How a layer's tar is compressed. Part of the reproducibility contract: every field here
/// decides the blob's bytes, so all of them (with the codec's version) go into the layer cache
/// key and into the annotations of the layer's descriptor.
///
/// - `gzip`: raw deflate by `codec` (``DeflateCodec``) at `level`, the tar cut into chunks of ``gzipChunkSize`` bytes
///   at fixed offsets; each chunk is compressed on its own thread with the previous chunk's
///   last ``dictionarySize`` bytes as its preset dictionary, ended on a byte boundary by a sync
///   flush (the last chunk by the final block), and the chunks are joined into one gzip member
///   whose CRC-32 and length are combined from the chunks'. The bytes depend only on the tar.
/// - `zstd`: libzstd's multi-threaded compressor at `level`, jobs of ``zstdJobSize`` bytes,
///   frame checksum on; libzstd gives the same frame for any number of workers ≥ 1.
public enum LayerCompression: Sendable, Hashable {
    /// gzip by a deflate codec at one of its levels (``DeflateCodec/validLevels``).
    case gzip(level: Int, codec: DeflateCodec)
    /// zstd at a libzstd level (1–19).
    case zstd(level: Int)

    /// The default: gzip by ISA-L at level 1 (measured on the benchmark's dependency tree in
    /// CPU time: 6.6× zlib level 1 and 20× zlib level 6, for 1.4 % and 6.3 % more bytes; ISA-L
    /// level 2 is slower for 0.3 % fewer bytes; see README, "Performance").
    public static let defaultGzip = LayerCompression.gzip(level: 1, codec: .isal)
    /// `--compression gzip-zlib`: zlib level 1, the same bytes on every CPU.
    public static let portableGzip = LayerCompression.gzip(level: 1, codec: .zlib)
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
        case .gzip(let level, _), .zstd(let level): level
        }
    }

    /// The library that compresses: `isa-l`, `zlib` or `libzstd`.
    public var codec: String {
        switch self {
        case .gzip(_, let codec): codec.name
        case .zstd: "libzstd"
        }
    }

    /// The version of ``codec`` linked into this binary, e.g. `2.30.0`.
    public var codecVersion: String {
        switch self {
        case .gzip(_, let codec): codec.version
        case .zstd: String(cString: ZSTD_versionString())
        }
    }

    /// ``codec`` and ``codecVersion``, and the kernel family when the bytes depend on the CPU:
    /// `isa-l 2.30.0 x86-64-sse4.2`, `zlib 1.2.13`, `libzstd 1.5.4`.
    public var compressor: String {
        var name = "\(codec) \(codecVersion)"
        if case .gzip(_, let codec) = self, let family = codec.kernelFamily { name += " " + family }
        return name
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
        case .gzip(_, let codec): codec.validLevels
        case .zstd: 1...19
        }
    }

    /// Everything that decides the bytes, as strings: codec, version, level, chunk size (and the
    /// dictionary size for gzip, and ISA-L's level buffer size). Goes into cache keys and
    /// descriptor annotations.
    public var settings: [String: String] {
        var settings = [
            "compression": format, "compressor": compressor, "level": String(level),
            "chunk-size": String(chunkSize),
        ]
        if case .gzip(let level, let codec) = self {
            settings["dictionary-size"] = String(Self.dictionarySize)
            if codec == .isal { settings["level-buffer-size"] = String(IsalDeflater.levelBufferSize(level)) }
        }
        return settings
    }
}
