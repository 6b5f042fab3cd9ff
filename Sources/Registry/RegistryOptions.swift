/// How to reach a registry: transport security, credentials, retries and upload chunking.
public struct RegistryOptions: Sendable {
    /// Allow plain HTTP (and unverified TLS) for a registry that is not on loopback.
    public var insecure: Bool
    /// A PEM file of extra trusted CA certificates (added to the system roots).
    public var caCertificate: String?
    /// Where credentials are looked up.
    public var credentials: CredentialStore
    /// Retries on connection errors, 5xx and 429.
    public var retry: RetryPolicy
    /// Blobs up to this size go up in one request; larger ones in chunks of this size.
    public var chunkSize: Int
    /// Seconds a connection may take to open, and a response may stall.
    public var stallTimeout: Int64

    /// Creates options.
    /// - Parameters:
    ///   - insecure: Allow plain HTTP anywhere.
    ///   - caCertificate: Extra trusted CAs.
    ///   - credentials: The credential lookup.
    ///   - retry: The retry policy.
    ///   - chunkSize: The monolithic-upload threshold and chunk size.
    ///   - stallTimeout: Connect and read timeout in seconds.
    public init(insecure: Bool = false, caCertificate: String? = nil, credentials: CredentialStore,
                retry: RetryPolicy = RetryPolicy(), chunkSize: Int = 16 << 20, stallTimeout: Int64 = 60) {
        self.insecure = insecure
        self.caCertificate = caCertificate
        self.credentials = credentials
        self.retry = retry
        self.chunkSize = max(1 << 10, chunkSize)
        self.stallTimeout = stallTimeout
    }
}
