/// What a ``DistributionEnvironment`` reported.
public struct EnvironmentSnapshot: Sendable, Hashable, Codable {
    /// The interpreter's `major.minor`, when known.
    public var pythonVersion: PythonVersion?
    /// Installed versions, keyed by PEP 503 normalised distribution name: those asked for,
    /// plus every distribution named in ``providers``.
    public var versions: [String: String]
    /// For each queried module, the normalised names of the installed distributions whose
    /// files provide it (by the longest prefix of the module that a distribution's files
    /// define as a module or a regular package); absent when none does.
    public var providers: [String: [String]]

    /// Creates a snapshot.
    /// - Parameters:
    ///   - pythonVersion: The interpreter's version, if known.
    ///   - versions: Versions by distribution name (normalised here).
    ///   - providers: Providing distributions by module (names normalised and sorted here).
    public init(pythonVersion: PythonVersion? = nil, versions: [String: String] = [:], providers: [String: [String]] = [:]) {
        self.pythonVersion = pythonVersion
        var normalised: [String: String] = [:]
        for (name, version) in versions {
            normalised[DistributionName.normalize(name)] = version
        }
        self.versions = normalised
        self.providers = providers.mapValues { Array(Set($0.map(DistributionName.normalize))).sorted() }
    }

    /// The installed version of a distribution.
    /// - Parameter name: The distribution name, any spelling.
    /// - Returns: The version text, or `nil` when not installed.
    public func version(of name: String) -> String? {
        versions[DistributionName.normalize(name)]
    }
}
