import ArgumentParser
import Archive

/// `nbship build --compression`.
enum CompressionChoice: String, ExpressibleByArgument, CaseIterable {
    case gzip, zstd

    /// The codec and settings the choice stands for.
    var layerCompression: LayerCompression {
        switch self {
        case .gzip: .defaultGzip
        case .zstd: .defaultZstd
        }
    }
}
