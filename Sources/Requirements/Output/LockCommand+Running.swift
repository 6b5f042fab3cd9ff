import Diagnostics
import Foundation

extension LockCommand {
    /// The argument vector that reads the requirements from standard input and writes the lock
    /// file to standard output (what ``lock(_:environment:)`` runs): the same options as
    /// ``arguments``, without files.
    public var pipedArguments: [String] {
        [
            uv, "pip", "compile", "-",
            "--generate-hashes",
            "--python-version", pythonVersion.description,
            "--python-platform", Self.platform,
            "--only-binary", ":all:",
            "--custom-compile-command", "nbship convert --lock",
            "--quiet",
        ]
    }

    /// Runs `uv pip compile` on a `requirements.txt` text and returns the lock file's text
    /// (`name==version` with `--hash=sha256:` lines for every distribution, transitive ones
    /// included). Needs the package index (PyPI, or `UV_INDEX_URL`); writes nothing.
    /// - Parameters:
    ///   - requirements: The text of ``input`` (`requirements.txt`), e.g. ``ResolvedRequirements/requirementsTxt``.
    ///   - environment: Variables set for uv on top of this process's environment.
    /// - Returns: The text of ``output`` (`requirements.lock`).
    /// - Throws: ``DiagnosticError``: `requirements.uv-not-found`, `requirements.lock-network`
    ///   (the index cannot be reached), `requirements.lock-unsatisfiable` (an unknown name, a
    ///   version without a wheel for the platform; located at the line of `requirements` when
    ///   uv names the distribution), `requirements.lock-failed` (anything else, with uv's words).
    public func lock(_ requirements: String, environment: [String: String] = [:]) throws(DiagnosticError) -> String {
        let searchPath = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"]
        guard let executable = PythonInterpreter(command: uv, origin: .option).executablePath(searchPath: searchPath) else {
            throw DiagnosticError(.error(
                "requirements.uv-not-found", "'\(uv)' not found: --lock runs uv pip compile",
                notes: ["install uv (pip install uv) in the --python environment or on PATH, or drop --lock"]
            ))
        }
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(
                URL(fileURLWithPath: executable), arguments: Array(pipedArguments.dropFirst()),
                input: Data(requirements.utf8), environment: ["NO_COLOR": "1"].merging(environment) { _, new in new }
            )
        } catch {
            throw DiagnosticError(.error("requirements.lock-failed", "cannot run '\(uv)': \(error.localizedDescription)"))
        }
        guard output.status == 0 else {
            throw DiagnosticError(diagnose(status: output.status, stderr: String(decoding: output.stderr, as: UTF8.self), requirements: requirements))
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }
}
