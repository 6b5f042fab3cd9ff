import Diagnostics
import Foundation

extension PythonInterpreter {
    /// The oldest Python whose environment nbship can read (`importlib.metadata`).
    public static let oldestSupported = PythonVersion(3, 8)

    /// The absolute path of the executable: the command itself when it contains a `/`, else
    /// the first executable file of that name in `searchPath`'s directories.
    /// - Parameter searchPath: A `PATH` value (`nil`: `/usr/bin:/bin`).
    /// - Returns: The path, or `nil` when there is no such executable file.
    public func executablePath(searchPath: String?) -> String? {
        if command.isEmpty { return nil }
        if command.contains("/") {
            let absolute = command.hasPrefix("/") ? command : FileManager.default.currentDirectoryPath + "/" + command
            return Self.isExecutableFile(absolute) ? URL(fileURLWithPath: absolute).standardizedFileURL.path : nil
        }
        for directory in (searchPath ?? "/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + command
            if Self.isExecutableFile(candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Finds the interpreter and reads its version: from its layout on disk when nbship
    /// recognises it (``PythonLayout/recognise(executable:environment:)``), else by asking it.
    /// - Parameter environment: The process environment (its `PATH` is searched).
    /// - Returns: The executable's path and its Python version.
    /// - Throws: ``DiagnosticError``: `requirements.python-not-found` when there is no such
    ///   executable, `requirements.not-python` when it does not answer like a Python
    ///   interpreter, `requirements.python-too-old` before 3.8. The message names the
    ///   interpreter and a note says where the choice came from.
    public func check(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DiagnosticError) -> CheckedPythonInterpreter {
        guard let executable = executablePath(searchPath: environment["PATH"]) else {
            throw DiagnosticError(.error("requirements.python-not-found", notFoundMessage, notes: notFoundNotes))
        }
        let unrecognised: UnrecognisedLayout
        switch PythonLayout.recognise(executable: executable, environment: environment) {
        case .success(let layout):
            try refuseOld(layout.version, release: layout.release)
            return CheckedPythonInterpreter(interpreter: self, executable: executable, version: layout.version, release: layout.release, layout: layout)
        case .failure(let reason):
            unrecognised = reason
        }
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(URL(fileURLWithPath: executable), arguments: ["-c", Self.versionScript])
        } catch {
            throw notPython(executable, "it cannot be started: \(error.localizedDescription)")
        }
        guard output.status == 0 else {
            throw notPython(executable, output.lastErrorLine.map { "it failed: \($0)" } ?? "it exited with status \(output.status)")
        }
        let answer = String(decoding: output.stdout, as: UTF8.self).trimmingSpaces()
        guard answer.hasPrefix(Self.versionMarker),
              case let release = String(answer.dropFirst(Self.versionMarker.count)),
              let version = PythonVersion(release)
        else {
            throw notPython(executable, "it did not answer like one")
        }
        try refuseOld(version, release: release)
        return CheckedPythonInterpreter(interpreter: self, executable: executable, version: version, release: release, unrecognised: unrecognised)
    }

    /// Refuses a Python older than ``oldestSupported``.
    private func refuseOld(_ version: PythonVersion, release: String) throws(DiagnosticError) {
        guard version >= Self.oldestSupported else {
            throw DiagnosticError(.error(
                "requirements.python-too-old",
                "python interpreter '\(command)' is python \(release); nbship reads installed versions with importlib.metadata, which needs python \(Self.oldestSupported) or newer",
                notes: [originNote, "pass --python with a newer interpreter"]
            ))
        }
    }

    /// What the interpreter prints first, so any other program's output is not mistaken for it.
    static let versionMarker = "nbship-python "

    /// Prints the marker and `major.minor.micro`; valid in Python 2 as well, so an old
    /// interpreter is named as such rather than "not python".
    static let versionScript = #"import sys; sys.stdout.write("nbship-python %d.%d.%d\n" % tuple(sys.version_info[:3]))"#

    /// Where the choice came from, for a note.
    var originNote: String {
        switch origin {
        case .option: "chosen with --python"
        case .virtualEnvironment: "the interpreter of the active virtual environment ($VIRTUAL_ENV); pass --python PATH to choose another"
        case .searchPath: "the default when --python is not given and no virtual environment is active"
        }
    }

    private var notFoundMessage: String {
        switch origin {
        case .option, .virtualEnvironment:
            if Self.isDirectory(command) {
                return "python interpreter '\(command)' is a directory, not an executable"
            }
            return "python interpreter '\(command)' not found"
        case .searchPath:
            return "python interpreter '\(command)' not found on PATH"
        }
    }

    private var notFoundNotes: [String] {
        var notes = [originNote]
        if origin == .option, Self.isDirectory(command) {
            let inside = (command.hasSuffix("/") ? String(command.dropLast()) : command) + "/bin/python"
            if Self.isExecutableFile(inside) {
                notes.append("did you mean --python \(inside)?")
            }
        }
        switch origin {
        case .option: notes.append("--python takes the path of an interpreter, or a name on PATH")
        case .virtualEnvironment: notes.append("VIRTUAL_ENV names a folder without bin/python: activate an existing environment or unset VIRTUAL_ENV")
        case .searchPath: notes.append("install python 3, activate a virtual environment, or pass --python PATH")
        }
        return notes
    }

    private func notPython(_ executable: String, _ why: String) -> DiagnosticError {
        DiagnosticError(.error(
            "requirements.not-python",
            "'\(command)' is not a python interpreter: \(why)",
            notes: executable == command ? [originNote] : [originNote, "ran \(executable)"]
        ))
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
