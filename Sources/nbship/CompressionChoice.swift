import ArgumentParser
import Archive

/// `nbship build --compression`.
enum CompressionChoice: String, ExpressibleByArgument, CaseIterable {
    /// gzip by ISA-L (the default: fastest).
    case gzip
    /// gzip by zlib: slower, but the same bytes on every CPU and architecture.
    case gzipZlib = "gzip-zlib"
    case zstd

    /// The codec and settings the choice stands for.
    var layerCompression: LayerCompression {
        switch self {
        case .gzip: .defaultGzip
        case .gzipZlib: .portableGzip
        case .zstd: .defaultZstd
        }
    }
}
