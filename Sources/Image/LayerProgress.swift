/// How far one new layer of a build has got. ``ImageBuilder`` reports these while it works
/// (a library never prints: the caller decides how to show them).
///
/// For one layer the reports run `preparing`, then `writing` with `bytesDone` strictly
/// increasing and ending at `bytesTotal`, then `finished`; a layer found in the cache goes
/// from `preparing` straight to `finished` with `reused: true`.
public struct LayerProgress: Sendable, Hashable {
    /// Where the layer is.
    public enum Phase: Sendable, Hashable {
        /// No bytes yet: scanning the tree, hashing it for the cache key, or running pip.
        case preparing
        /// `bytesDone` of `bytesTotal` file bytes are in the layer.
        case writing
        /// The blob is written (or was found in the cache).
        case finished(LayerBlob, reused: Bool)
    }

    /// The layer's role: `dependencies`, `data`, `artifacts` or `application`.
    public var layer: String
    /// Where it is.
    public var phase: Phase
    /// File bytes written into the layer so far (uncompressed, headers not counted).
    public var bytesDone: Int64
    /// All the layer's file bytes (0 until known, and for cached layers).
    public var bytesTotal: Int64

    /// Creates a report.
    /// - Parameters:
    ///   - layer: The layer's role.
    ///   - phase: Where it is.
    ///   - bytesDone: File bytes written so far.
    ///   - bytesTotal: All the layer's file bytes.
    public init(layer: String, phase: Phase, bytesDone: Int64 = 0, bytesTotal: Int64 = 0) {
        self.layer = layer
        self.phase = phase
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
    }
}
