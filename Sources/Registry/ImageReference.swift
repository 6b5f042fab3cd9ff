import Image

/// A registry image reference, `[REGISTRY/]REPOSITORY[:TAG][@sha256:…]`, normalised the way
/// Docker does: no registry means Docker Hub (`docker.io`), and a one-part Hub repository is
/// under `library/`.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry as written after normalisation: `docker.io`, `127.0.0.1:5000`, `ghcr.io`.
    public var registry: String
    /// The repository path, e.g. `library/python`.
    public var repository: String
    /// The tag, when one was given (or implied: `latest` when neither tag nor digest was).
    public var tag: String?
    /// The pinned digest, when one was given.
    public var digest: Digest?

    /// Docker Hub's name in references.
    public static let dockerHub = "docker.io"

    /// Creates a reference from its parts.
    /// - Parameters:
    ///   - registry: The registry host[:port].
    ///   - repository: The repository path.
    ///   - tag: The tag.
    ///   - digest: The digest.
    public init(registry: String, repository: String, tag: String?, digest: Digest?) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses a reference (an optional `docker://` prefix is dropped).
    /// - Parameter text: e.g. `python:3.11-slim`, `127.0.0.1:5000/team/app:1.0@sha256:…`.
    /// - Throws: ``ReferenceError`` naming what is wrong.
    public init(parsing text: String) throws {
        var rest = Substring(text)
        if rest.hasPrefix("docker://") { rest = rest.dropFirst("docker://".count) }
        guard !rest.isEmpty else { throw ReferenceError(text: text, reason: "the reference is empty") }
        var digest: Digest?
        if let at = rest.firstIndex(of: "@") {
            let digestText = String(rest[rest.index(after: at)...])
            guard let parsed = Digest(parsing: digestText) else {
                throw ReferenceError(text: text, reason: "'\(digestText)' is not a sha256 digest")
            }
            digest = parsed
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        if let tag {
            let valid = !tag.isEmpty && tag.count <= 128 && tag.first != "." && tag.first != "-"
                && tag.unicodeScalars.allSatisfy { ("a"..."z").contains($0)
                    || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0) }
            guard valid else { throw ReferenceError(text: text, reason: "'\(tag)' is not a valid tag") }
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var registry = Self.dockerHub
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            components.removeFirst()
        }
        if registry != Self.dockerHub {
            let (hostPart, port) = Self.splitPort(registry)
            let hostValid = !hostPart.isEmpty && hostPart.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ".-[]:".unicodeScalars.contains($0)
            }
            guard hostValid, port.map({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) ?? true else {
                throw ReferenceError(text: text, reason: "'\(registry)' is not a valid registry host[:port]")
            }
        }
        if registry == "index.docker.io" || registry == "registry-1.docker.io" { registry = Self.dockerHub }
        if registry == Self.dockerHub, components.count == 1 { components.insert("library", at: 0) }
        for component in components {
            let valid = !component.isEmpty && component.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
            } && component.first.map { $0.isLetter || $0.isNumber } == true
            guard valid else {
                throw ReferenceError(text: text, reason: "'\(component)' is not a valid repository name component (lower-case letters, digits, . _ -)")
            }
        }
        self.registry = registry
        self.repository = components.joined(separator: "/")
        self.tag = tag ?? (digest == nil ? "latest" : nil)
        self.digest = digest
    }

    /// `host[:port]` split at the port's colon (an IPv6 literal keeps its brackets).
    static func splitPort(_ registry: String) -> (host: String, port: String?) {
        if registry.hasPrefix("["), let close = registry.firstIndex(of: "]") {
            let after = registry[registry.index(after: close)...]
            return (String(registry[...close]), after.hasPrefix(":") ? String(after.dropFirst()) : nil)
        }
        guard let colon = registry.firstIndex(of: ":") else { return (registry, nil) }
        return (String(registry[..<colon]), String(registry[registry.index(after: colon)...]))
    }

    /// The host the API is served from (`registry-1.docker.io` for Docker Hub).
    public var apiHost: String { registry == Self.dockerHub ? "registry-1.docker.io" : registry }

    /// The host without its port.
    public var hostName: String {
        if registry.hasPrefix("[") , let close = registry.firstIndex(of: "]") {
            return String(registry[registry.index(after: registry.startIndex)..<close])
        }
        if let colon = registry.lastIndex(of: ":") { return String(registry[..<colon]) }
        return registry
    }

    /// Whether the registry is on this machine (plain HTTP is allowed there without `--insecure`).
    public var isLoopback: Bool {
        let host = hostName
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// What `GET /v2/NAME/manifests/REF` is asked for: the digest when pinned, else the tag.
    public var manifestReference: String { digest?.description ?? tag ?? "latest" }

    /// `REGISTRY/REPOSITORY` without tag or digest.
    public var name: String { "\(registry)/\(repository)" }

    /// The same image pinned to `digest` (the tag kept for readers).
    /// - Parameter digest: The resolved manifest digest.
    /// - Returns: The pinned reference.
    public func pinned(to digest: Digest) -> ImageReference {
        ImageReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }

    public var description: String {
        name + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
