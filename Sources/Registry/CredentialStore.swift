import Foundation

/// Finds credentials for a registry in Docker-style auth files (`{"auths": {"HOST": {"auth":
/// base64("user:password")}}}`, or `username`/`password` fields), looked up in order:
/// `--creds-file`, `$REGISTRY_AUTH_FILE`, `$DOCKER_CONFIG/config.json`, `~/.docker/config.json`.
/// Only the first file that exists is read (an explicit file must exist).
public struct CredentialStore: Sendable {
    /// The files, in the order they are consulted.
    public var candidates: [String]
    /// The file given explicitly, which must exist.
    public var explicitFile: String?

    /// Creates a store.
    /// - Parameters:
    ///   - explicitFile: `--creds-file`, if given.
    ///   - environment: The process environment.
    public init(explicitFile: String?, environment: [String: String]) {
        self.explicitFile = explicitFile
        var candidates: [String] = []
        if let explicitFile { candidates.append(explicitFile) }
        if let file = environment["REGISTRY_AUTH_FILE"], !file.isEmpty { candidates.append(file) }
        if let folder = environment["DOCKER_CONFIG"], !folder.isEmpty { candidates.append(folder + "/config.json") }
        if let home = environment["HOME"], !home.isEmpty { candidates.append(home + "/.docker/config.json") }
        self.candidates = candidates
    }

    /// The keys an `auths` entry may use for `registry`.
    static func keys(for registry: String) -> [String] {
        var keys = [registry, "https://\(registry)", "http://\(registry)", "https://\(registry)/v2/", "https://\(registry)/v1/"]
        if registry == ImageReference.dockerHub {
            keys += ["https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io"]
        }
        return keys
    }

    /// The credential for `registry`, if the first existing auth file has one.
    /// - Parameter registry: The registry (as in ``ImageReference/registry``).
    /// - Returns: The credential, or nil for anonymous access.
    /// - Throws: `DiagnosticError` (`registry.bad-credentials-file`) when the explicit file is
    ///   missing or a file is not valid JSON; the message never quotes the file's contents.
    public func credential(for registry: String) throws -> RegistryCredential? {
        if let explicitFile, !FileManager.default.fileExists(atPath: explicitFile) {
            throw RegistryFailure.atFile("registry.bad-credentials-file", "credentials file not found", path: explicitFile)
        }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return nil }
        guard let data = FileManager.default.contents(atPath: file),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RegistryFailure.atFile("registry.bad-credentials-file", "the credentials file is not a JSON object", path: file)
        }
        guard let auths = root["auths"] as? [String: Any] else { return nil }
        for key in Self.keys(for: registry) {
            guard let entry = auths[key] as? [String: Any] else { continue }
            if let user = entry["username"] as? String, let password = entry["password"] as? String {
                return RegistryCredential(username: user, password: password, source: file)
            }
            if let auth = entry["auth"] as? String {
                guard let decoded = Data(base64Encoded: auth).map({ String(decoding: $0, as: UTF8.self) }),
                      let colon = decoded.firstIndex(of: ":") else {
                    throw RegistryFailure.atFile("registry.bad-credentials-file",
                                                "the 'auth' entry for \(key) is not base64 of user:password", path: file)
                }
                return RegistryCredential(username: String(decoded[..<colon]),
                                          password: String(decoded[decoded.index(after: colon)...]), source: file)
            }
        }
        return nil
    }
}
