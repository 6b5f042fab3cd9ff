/// An OCI platform (`os`/`architecture`).
public struct Platform: Sendable, Hashable, Codable {
    /// e.g. `amd64`.
    public var architecture: String
    /// e.g. `linux`.
    public var os: String
    /// e.g. `v8` for arm64.
    public var variant: String?

    /// Creates a platform.
    /// - Parameters:
    ///   - architecture: The CPU architecture, Go-style.
    ///   - os: The operating system.
    ///   - variant: The CPU variant, if any.
    public init(architecture: String, os: String, variant: String? = nil) {
        self.architecture = architecture
        self.os = os
        self.variant = variant
    }
}
