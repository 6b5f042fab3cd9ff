import Diagnostics
import Foundation

/// A real Python environment, inspected by running its interpreter once with a small
/// `importlib.metadata` script (never `pip`, never the network).
public struct PythonEnvironment: DistributionEnvironment {
    /// The interpreter: an absolute path, or a name looked up on `PATH` (`python3`).
    public var interpreter: String
    /// The directory to run it in (`nil`: the caller's). Files there never count as
    /// installed: the script drops the working directory from `sys.path`.
    public var workingDirectory: String?

    /// Creates an environment.
    /// - Parameters:
    ///   - interpreter: The interpreter's path or name.
    ///   - workingDirectory: The directory to run it in, `nil` for the caller's.
    public init(interpreter: String, workingDirectory: String? = nil) {
        self.interpreter = interpreter
        self.workingDirectory = workingDirectory
    }

    /// The interpreter `convert` uses when none is given: `$VIRTUAL_ENV/bin/python` when a
    /// virtual environment is active, else `python3`.
    /// - Parameter environment: The process environment.
    /// - Returns: The interpreter path or name.
    public static func defaultInterpreter(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty {
            return venv + "/bin/python"
        }
        return "python3"
    }

    public func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        let queryJSON: Data
        do {
            queryJSON = try JSONEncoder().encode(query)
        } catch {
            throw failure("cannot encode the query: \(error)")
        }
        guard let executable = resolveExecutable() else {
            throw failure("python interpreter '\(interpreter)' not found")
        }
        let output = try run(executable, arguments: ["-c", Self.script, String(decoding: queryJSON, as: UTF8.self)])
        struct Reply: Decodable {
            var python: String?
            var versions: [String: String]
            var providers: [String: [String]]
            var error: String?
        }
        let reply: Reply
        do {
            reply = try JSONDecoder().decode(Reply.self, from: output)
        } catch {
            throw failure("unexpected answer from '\(interpreter)'")
        }
        if let message = reply.error {
            throw failure(message)
        }
        return EnvironmentSnapshot(
            pythonVersion: reply.python.flatMap(PythonVersion.init),
            versions: reply.versions,
            providers: reply.providers
        )
    }

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(
            "requirements.environment-failed", "cannot read installed versions: \(message)",
            notes: ["choose the interpreter with --python PATH"]
        ))
    }

    private func resolveExecutable() -> URL? {
        let manager = FileManager.default
        if interpreter.contains("/") {
            return manager.isExecutableFile(atPath: interpreter) ? URL(fileURLWithPath: interpreter) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + interpreter
            if manager.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate)
            }
        }
        return nil
    }

    private func run(_ executable: URL, arguments: [String]) throws(DiagnosticError) -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory {
            process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        }
        var environment = ProcessInfo.processInfo.environment
        // The answer must not depend on the caller's locale.
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw failure("cannot run '\(interpreter)': \(error.localizedDescription)")
        }
        // Drain stderr on another thread so a chatty interpreter cannot block on a full pipe.
        let errorOutput = OutputCollector()
        let errorReader = Thread {
            errorOutput.finish(with: stderr.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = errorOutput.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
                .split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw failure("'\(interpreter)' failed: \(message)")
        }
        return output
    }
}
