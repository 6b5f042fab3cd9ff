import NIOCore
import NIOHTTP1

/// One request to a registry's API, replayable (its body is in memory) so it can be retried
/// and re-sent after an authentication challenge.
public struct RegistryRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// A path under the registry (`/v2/…`, with its query), or an absolute URL (upload locations).
    public var target: String
    /// Extra headers (never `Authorization`: the client adds it).
    public var headers: [(String, String)]
    /// The body, if any.
    public var body: ByteBuffer?
    /// The token scope this request needs, e.g. `repository:team/app:pull,push`.
    public var scope: String
    /// Whether an attempt that broke (a connection error, a 5xx) may be sent again as it is.
    /// False for a chunk `PATCH`: the registry may have kept part of it, so the caller asks
    /// where the upload stands instead (429s are still retried: the registry read nothing).
    public var resendable = true

    /// Creates a request.
    /// - Parameters:
    ///   - method: The method.
    ///   - target: The path or URL.
    ///   - headers: Extra headers.
    ///   - body: The body.
    ///   - scope: The token scope.
    ///   - resendable: Whether a broken attempt may be sent again (``resendable``).
    public init(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: ByteBuffer? = nil, scope: String,
                resendable: Bool = true) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.scope = scope
        self.resendable = resendable
    }
}
