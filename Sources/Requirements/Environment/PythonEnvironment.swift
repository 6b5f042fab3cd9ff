import Diagnostics
import Foundation

/// A real Python environment: read from disk when its layout is one nbship recognises
/// (``InstalledEnvironment``), else inspected by running its interpreter once with a small
/// `importlib.metadata` script (never `pip`, never the network).
public struct PythonEnvironment: DistributionEnvironment {
    /// The interpreter: an absolute path, or a name looked up on `PATH` (`python3`).
    public var interpreter: String
    /// The directory to run it in (`nil`: the caller's). Files there never count as
    /// installed: the script drops the working directory from `sys.path`.
    public var workingDirectory: String?
    /// Whether a recognised layout is read from disk (`false`: always run the script, as the
    /// differential tests do to compare the two).
    public var readsFromDisk: Bool
    /// The disk reading, worked out once per environment value (the resolver may inspect twice).
    private let cache = ReadingCache()

    /// Creates an environment.
    /// - Parameters:
    ///   - interpreter: The interpreter's path or name.
    ///   - workingDirectory: The directory to run it in, `nil` for the caller's.
    ///   - readsFromDisk: Whether to read a recognised layout from disk instead of running Python.
    public init(interpreter: String, workingDirectory: String? = nil, readsFromDisk: Bool = true) {
        self.interpreter = interpreter
        self.workingDirectory = workingDirectory
        self.readsFromDisk = readsFromDisk
    }

    /// How this environment is read: from disk, or by starting the interpreter (and why).
    /// - Parameter environment: The process environment.
    /// - Returns: The reading, `nil` when the interpreter does not exist.
    public func reading(environment: [String: String] = ProcessInfo.processInfo.environment) -> EnvironmentReading? {
        let chosen = PythonInterpreter(command: interpreter, origin: .option)
        guard let executable = chosen.executablePath(searchPath: environment["PATH"]) else { return nil }
        if !readsFromDisk {
            return .interpreter(UnrecognisedLayout("reading from disk is turned off"))
        }
        return EnvironmentReading.of(
            executable: executable, environment: environment,
            workingDirectory: workingDirectory ?? FileManager.default.currentDirectoryPath
        )
    }

    /// The interpreter `convert` uses when none is given: `$VIRTUAL_ENV/bin/python` when a
    /// virtual environment is active, else `python3` (see ``PythonInterpreter/selected(option:environment:)``,
    /// which also says where the choice came from, and ``PythonInterpreter/check(environment:)``).
    /// - Parameter environment: The process environment.
    /// - Returns: The interpreter path or name.
    public static func defaultInterpreter(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        PythonInterpreter.selected(option: nil, environment: environment).command
    }

    public func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        if case .disk(let installed) = cache.value({ reading() }) {
            return try installed.inspect(query)
        }
        return try probe(query)
    }

    /// Runs the probe script.
    private func probe(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        let queryJSON: Data
        do {
            queryJSON = try JSONEncoder().encode(query)
        } catch {
            throw failure("cannot encode the query: \(error)")
        }
        let chosen = PythonInterpreter(command: interpreter, origin: .option)
        guard let executable = chosen.executablePath(searchPath: ProcessInfo.processInfo.environment["PATH"]) else {
            throw DiagnosticError(.error(
                "requirements.python-not-found", "python interpreter '\(interpreter)' not found",
                notes: ["choose the interpreter with --python PATH"]
            ))
        }
        struct Reply: Decodable {
            var python: String?
            var versions: [String: String]
            var providers: [String: [String]]
            var error: String?
        }
        let reply: Reply
        do throws(DiagnosticError) {
            let output = try run(URL(fileURLWithPath: executable), arguments: ["-c", Self.script, String(decoding: queryJSON, as: UTF8.self)])
            do {
                reply = try JSONDecoder().decode(Reply.self, from: output)
            } catch {
                throw failure("unexpected answer from '\(interpreter)'")
            }
        } catch {
            throw explained(error, chosen: chosen)
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

    /// When the script failed, says whether the program is Python at all (`/bin/false` as
    /// `--python` is `requirements.not-python`, Python 2 is `requirements.python-too-old`);
    /// otherwise keeps the original failure.
    private func explained(_ error: DiagnosticError, chosen: PythonInterpreter) -> DiagnosticError {
        do {
            _ = try chosen.check()
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.notes = diagnostic.notes.filter { $0 != chosen.originNote } + ["choose the interpreter with --python PATH"]
            return DiagnosticError(diagnostic)
        }
        return error
    }

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(
            "requirements.environment-failed", "cannot read installed versions: \(message)",
            notes: ["choose the interpreter with --python PATH"]
        ))
    }

    private func run(_ executable: URL, arguments: [String]) throws(DiagnosticError) -> Data {
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(executable, arguments: arguments, workingDirectory: workingDirectory)
        } catch {
            throw failure("cannot run '\(interpreter)': \(error.localizedDescription)")
        }
        guard output.status == 0 else {
            throw failure("'\(interpreter)' failed: \(output.lastErrorLine ?? "exit status \(output.status)")")
        }
        return output.stdout
    }
}
