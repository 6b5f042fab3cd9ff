/// The Python the image runs, which decides which wheels the dependency layer holds.
public struct PythonTarget: Sendable, Hashable, Codable {
    /// `major.minor`, e.g. `3.11`.
    public var version: String
    /// pip `--platform` tags, most specific first.
    public var platforms: [String]

    /// Creates a target.
    /// - Parameters:
    ///   - version: `major.minor`.
    ///   - platforms: pip platform tags.
    public init(version: String, platforms: [String] = PythonTarget.linuxAMD64) {
        self.version = version
        self.platforms = platforms
    }

    /// glibc x86-64 wheel tags, for Debian bookworm (glibc 2.36).
    public static let linuxAMD64 = [
        "manylinux_2_36_x86_64", "manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
        "manylinux2010_x86_64", "manylinux1_x86_64", "linux_x86_64",
    ]

    /// glibc arm64 wheel tags.
    public static let linuxARM64 = linuxAMD64.map { $0.replacingOccurrences(of: "x86_64", with: "aarch64") }

    /// The target a base image's config implies: its `io.nbship.python.version` label, else the
    /// `PYTHON_VERSION` variable the official python images set, else `fallback`; wheels for
    /// the config's architecture.
    /// - Parameters:
    ///   - config: The base image's config.
    ///   - override: A version given on the command line, which wins.
    ///   - fallback: The version when the base says nothing.
    /// - Returns: The target.
    public static func from(config: JSONValue, override: String?, fallback: String = "3.11") -> PythonTarget {
        let labels = config["config"]?["Labels"]?.objectValue ?? [:]
        let environment = (config["config"]?["Env"]?.arrayValue ?? []).compactMap(\.stringValue)
        let fromEnvironment = environment.first { $0.hasPrefix("PYTHON_VERSION=") }.map { entry in
            entry.dropFirst("PYTHON_VERSION=".count).split(separator: ".").prefix(2).joined(separator: ".")
        }
        let version = override ?? labels[versionLabel]?.stringValue ?? fromEnvironment ?? fallback
        let platforms = config["architecture"]?.stringValue == "arm64" ? linuxARM64 : linuxAMD64
        return PythonTarget(version: version, platforms: platforms)
    }

    /// The config label a base built by `nbship base debian` records its Python version in.
    public static let versionLabel = "io.nbship.python.version"
}
