/// The `uv pip compile` command line that turns `requirements.txt` into a hash-locked
/// `requirements.lock` for the image's platform (the CLI runs it; the library never does).
public struct LockCommand: Sendable, Hashable, Codable {
    /// The platform the image runs on.
    public static let platform = "x86_64-manylinux_2_28"

    /// The `uv` executable (name or path).
    public var uv: String
    /// The target Python version.
    public var pythonVersion: PythonVersion
    /// The input file, relative to the working directory the CLI runs it in.
    public var input: String
    /// The output file, relative to the same directory.
    public var output: String

    /// Creates the command.
    /// - Parameters:
    ///   - pythonVersion: The target Python version.
    ///   - input: The requirements file to lock.
    ///   - output: The lock file to write.
    ///   - uv: The `uv` executable.
    public init(pythonVersion: PythonVersion, input: String = "requirements.txt", output: String = "requirements.lock", uv: String = "uv") {
        self.uv = uv
        self.pythonVersion = pythonVersion
        self.input = input
        self.output = output
    }

    /// The full argument vector, executable first. Hashes for every file, wheels only, the
    /// image's Python version and platform, and a fixed header command so the same input gives
    /// the same lock file in any directory.
    public var arguments: [String] {
        [
            uv, "pip", "compile", input,
            "--output-file", output,
            "--generate-hashes",
            "--python-version", pythonVersion.description,
            "--python-platform", Self.platform,
            "--only-binary", ":all:",
            "--custom-compile-command", "nbship convert --lock",
            "--quiet",
        ]
    }
}
