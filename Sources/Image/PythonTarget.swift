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

    /// The config label a base built by `nbship base debian` records its Python version in.
    public static let versionLabel = "io.nbship.python.version"
}
