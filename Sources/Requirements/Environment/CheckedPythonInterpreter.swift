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
    /// The layout the version was read from, when nbship recognised it (no process started).
    public var layout: PythonLayout?
    /// Why the interpreter was started to ask its version, when it was.
    public var unrecognised: UnrecognisedLayout?

    /// Creates a checked interpreter.
    /// - Parameters:
    ///   - interpreter: The choice.
    ///   - executable: The executable's absolute path.
    ///   - version: The feature version.
    ///   - release: The full version text.
    ///   - layout: The layout it was read from, if recognised.
    ///   - unrecognised: Why it was started, if it was.
    public init(
        interpreter: PythonInterpreter, executable: String, version: PythonVersion, release: String,
        layout: PythonLayout? = nil, unrecognised: UnrecognisedLayout? = nil
    ) {
        self.interpreter = interpreter
        self.executable = executable
        self.version = version
        self.release = release
        self.layout = layout
        self.unrecognised = unrecognised
    }

    /// One line for `--verbose`: how the version was found.
    public var summary: String {
        if let layout {
            return "\(executable) is python \(release), read from \(layout.versionSource) without starting it"
        }
        return "started \(executable) to ask its version (python \(release)): \(unrecognised?.reason ?? "layout not read")"
    }

    /// The environment of this interpreter, for ``RequirementsResolver``.
    /// - Parameter workingDirectory: The directory to run it in, `nil` for the caller's.
    /// - Returns: The environment.
    public func environment(workingDirectory: String? = nil) -> PythonEnvironment {
        PythonEnvironment(interpreter: executable, workingDirectory: workingDirectory)
    }
}
