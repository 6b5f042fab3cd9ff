/// How nbship reads an interpreter's installed distributions: from disk when it recognises
/// the layout, else by starting the interpreter (and why).
public enum EnvironmentReading: Sendable {
    /// Read from the files of a recognised layout.
    case disk(InstalledEnvironment)
    /// The interpreter must be started: the layout is not one nbship reads.
    case interpreter(UnrecognisedLayout)

    /// Works out how to read an interpreter's environment.
    /// - Parameters:
    ///   - executable: The interpreter's absolute path.
    ///   - environment: The process environment.
    ///   - workingDirectory: The directory Python would run in.
    /// - Returns: The reading.
    public static func of(executable: String, environment: [String: String], workingDirectory: String) -> EnvironmentReading {
        do throws(UnrecognisedLayout) {
            let layout = try PythonLayout.recognise(executable: executable, environment: environment).get()
            return .disk(try InstalledEnvironment(layout: layout, environment: environment, workingDirectory: workingDirectory))
        } catch {
            return .interpreter(error)
        }
    }

    /// One line for `--verbose`: where the versions come from.
    public var summary: String {
        switch self {
        case .disk(let installed):
            let folders = installed.searchPath.siteFolders
            return "read \(installed.distributions.all.count) installed distributions from disk, without starting python ("
                + (folders.isEmpty ? "no site folders" : folders.joined(separator: ", ")) + ")"
        case .interpreter(let reason):
            return "starting python to read its installed distributions: \(reason.reason)"
        }
    }
}
