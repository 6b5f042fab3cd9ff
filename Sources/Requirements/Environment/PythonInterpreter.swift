import Foundation

/// The interpreter whose installed packages give the versions, and how it was chosen:
/// `--python` when given, else the active virtual environment's (`$VIRTUAL_ENV/bin/python`),
/// else `python3` on `PATH`.
///
/// ```swift
/// let chosen = PythonInterpreter.selected(option: options.python)
/// let python = try chosen.check()               // requirements.python-not-found, …
/// let environment = python.environment(workingDirectory: notebookFolder)
/// ```
public struct PythonInterpreter: Sendable, Hashable, Codable {
    /// Where the choice came from (said in diagnostics, so the user knows what to change).
    public enum Origin: String, Sendable, Hashable, Codable {
        /// `--python PATH`.
        case option
        /// The active virtual environment, `$VIRTUAL_ENV/bin/python`.
        case virtualEnvironment
        /// `python3` looked up on `PATH`.
        case searchPath
    }

    /// The interpreter as chosen: a path (`/venv/bin/python`, `./py`) or a name looked up on
    /// `PATH` (`python3`).
    public var command: String
    /// Where the choice came from.
    public var origin: Origin

    /// Creates a choice.
    /// - Parameters:
    ///   - command: A path, or a name looked up on `PATH`.
    ///   - origin: Where it came from.
    public init(command: String, origin: Origin) {
        self.command = command
        self.origin = origin
    }

    /// The interpreter `convert` uses: `option` when given, else `$VIRTUAL_ENV/bin/python`
    /// when a virtual environment is active (`VIRTUAL_ENV` set and not empty), else `python3`.
    /// - Parameters:
    ///   - option: The `--python` value, `nil` when not given.
    ///   - environment: The process environment.
    /// - Returns: The choice; ``check(environment:)`` tells whether it is usable.
    public static func selected(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> PythonInterpreter {
        if let option {
            return PythonInterpreter(command: option, origin: .option)
        }
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty {
            return PythonInterpreter(command: (venv.hasSuffix("/") ? String(venv.dropLast()) : venv) + "/bin/python", origin: .virtualEnvironment)
        }
        return PythonInterpreter(command: "python3", origin: .searchPath)
    }
}
