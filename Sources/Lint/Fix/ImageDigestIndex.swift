import Foundation

/// Reads the digests of the images in local OCI layouts (`skopeo copy … oci:DIR:TAG` writes
/// one): each manifest in `index.json` named by `org.opencontainers.image.ref.name` (a full
/// reference, or a bare tag, which is taken as a tag of the repository named like the layout's
/// folder) or `io.containerd.image.name`.
public enum ImageDigestIndex {
    /// Digests by canonical reference from one layout's `index.json`.
    /// - Parameters:
    ///   - indexJSON: The bytes of `index.json`.
    ///   - layoutName: The layout folder's name, the repository for bare-tag names.
    /// - Returns: `docker.io/library/python:3.12` → `sha256:…`.
    public static func parse(indexJSON: Data, layoutName: String) -> [String: String] {
        guard let root = try? JSONSerialization.jsonObject(with: indexJSON) as? [String: Any],
              let manifests = root["manifests"] as? [[String: Any]] else { return [:] }
        var digests: [String: String] = [:]
        for manifest in manifests {
            guard let digest = manifest["digest"] as? String, digest.hasPrefix("sha256:") else { continue }
            let annotations = manifest["annotations"] as? [String: String] ?? [:]
            for key in ["io.containerd.image.name", "org.opencontainers.image.ref.name"] {
                guard var name = annotations[key], !name.isEmpty else { continue }
                if !name.contains(":") && !name.contains("/") { name = layoutName + ":" + name }
                if let reference = try? ImageReference.parse(name), reference.digest == nil {
                    digests[reference.canonical] = digest
                }
            }
        }
        return digests
    }
}
