/// Where a base image comes from.
public enum BaseReference: Sendable, Hashable, CustomStringConvertible {
    /// An OCI layout inside a tar, optionally picking the manifest tagged `tag`.
    case ociArchive(path: String, tag: String?)
    /// An OCI layout directory.
    case ociLayout(directory: String, tag: String?)
    /// A `docker save` tar.
    case dockerArchive(path: String)
    /// No base: the image holds only nbship's layers.
    case scratch

    /// Parses `oci-archive:PATH[:TAG]`, `oci:DIR[:TAG]`, `docker-archive:PATH` or `scratch`.
    /// - Parameter text: The reference.
    /// - Returns: `nil` when the transport is unknown or the path is empty.
    public init?(parsing text: String) {
        if text == "scratch" {
            self = .scratch
            return
        }
        func split(_ rest: Substring) -> (String, String?)? {
            guard !rest.isEmpty else { return nil }
            if let colon = rest.lastIndex(of: ":") {
                let tag = rest[rest.index(after: colon)...]
                if !tag.contains("/"), !tag.isEmpty {
                    return (String(rest[..<colon]), String(tag))
                }
            }
            return (String(rest), nil)
        }
        if text.hasPrefix("oci-archive:"), let (path, tag) = split(text.dropFirst("oci-archive:".count)) {
            self = .ociArchive(path: path, tag: tag)
        } else if text.hasPrefix("oci:"), let (path, tag) = split(text.dropFirst("oci:".count)) {
            self = .ociLayout(directory: path, tag: tag)
        } else if text.hasPrefix("docker-archive:"), text.count > "docker-archive:".count {
            self = .dockerArchive(path: String(text.dropFirst("docker-archive:".count)))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .ociArchive(let path, let tag): return "oci-archive:\(path)" + (tag.map { ":\($0)" } ?? "")
        case .ociLayout(let directory, let tag): return "oci:\(directory)" + (tag.map { ":\($0)" } ?? "")
        case .dockerArchive(let path): return "docker-archive:\(path)"
        case .scratch: return "scratch"
        }
    }
}
