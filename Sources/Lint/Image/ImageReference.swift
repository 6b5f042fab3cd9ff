/// A container image reference, parsed by the distribution/reference grammar and normalised
/// the way Docker normalises it (`nginx` → `docker.io/library/nginx:latest`).
///
///     reference := name [ ":" tag ] [ "@" digest ]
///     name      := [ domain "/" ] path
///     domain    := host [ ":" port ]      host := domain-name | IPv4 | "[" IPv6 "]"
///
/// The first path component is a registry host only when it contains a `.` or a `:`, is
/// `localhost`, or has an upper-case letter; otherwise the image is on Docker Hub.
public struct ImageReference: Sendable, Hashable, Codable {
    /// The text as written.
    public var original: String
    /// The registry host with its port, normalised (`index.docker.io` → `docker.io`).
    public var domain: String
    /// The repository path inside the registry, with `library/` added for official images.
    public var path: String
    /// The tag as written, or `nil` when none was given.
    public var tag: String?
    /// The digest, when one was given.
    public var digest: ImageDigest?

    /// Creates a reference from its parts (no validation; use ``parse(_:)`` for text).
    /// - Parameters:
    ///   - original: The text as written.
    ///   - domain: The registry host (and port).
    ///   - path: The repository path.
    ///   - tag: The explicit tag, if any.
    ///   - digest: The digest, if any.
    public init(original: String, domain: String, path: String, tag: String?, digest: ImageDigest?) {
        self.original = original
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// Docker Hub's canonical registry name.
    public static let dockerHub = "docker.io"

    /// `true` when neither a tag nor a digest was written, so the pull means `:latest`.
    public var isTagImplicit: Bool { tag == nil && digest == nil }

    /// The tag a pull resolves: the written tag, or `latest` when there is neither tag nor
    /// digest; `nil` when only a digest was given.
    public var effectiveTag: String? {
        if let tag { return tag }
        return digest == nil ? "latest" : nil
    }

    /// `true` when the digest fixes the content (a tag next to a digest is ignored by pulls).
    public var isPinnedByDigest: Bool { digest != nil }

    /// `domain/path`, e.g. `docker.io/library/nginx`.
    public var repository: String { domain + "/" + path }

    /// The fully normalised form, e.g. `docker.io/library/nginx:latest`.
    public var canonical: String {
        var text = repository
        if let effectiveTag { text += ":" + effectiveTag }
        if let digest { text += "@" + digest.description }
        return text
    }
}
