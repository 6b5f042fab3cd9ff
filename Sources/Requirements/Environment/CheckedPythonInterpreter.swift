/// An interpreter that exists and answered like Python (from ``PythonInterpreter/check(environment:)``).
public struct CheckedPythonInterpreter: Sendable, Hashable, Codable {
    /// The choice it was found from.
    public var interpreter: PythonInterpreter
    /// The absolute path of the executable that answered.
    public var executable: String
    /// Its feature version (`3.11`).
    public var version: PythonVersion
    /// Its full version (`3.11.7`), as `sys.version_info` gives it.
    public var release: String

    /// Creates a checked interpreter.
    /// - Parameters:
    ///   - interpreter: The choice.
    ///   - executable: The executable's absolute path.
    ///   - version: The feature version.
    ///   - release: The full version text.
    public init(interpreter: PythonInterpreter, executable: String, version: PythonVersion, release: String) {
        self.interpreter = interpreter
        self.executable = executable
        self.version = version
        self.release = release
    }

    /// The environment of this interpreter, for ``RequirementsResolver``.
    /// - Parameter workingDirectory: The directory to run it in, `nil` for the caller's.
    /// - Returns: The environment.
    public func environment(workingDirectory: String? = nil) -> PythonEnvironment {
        PythonEnvironment(interpreter: executable, workingDirectory: workingDirectory)
    }
}
