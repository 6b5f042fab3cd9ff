import Foundation

/// Runs the real `nbship` binary the way a user or CI does.
public enum NBShip {
    /// Runs `nbship` (`PackagePaths.binary`) with `NO_COLOR=1` and empty standard input.
    /// - Parameters:
    ///   - arguments: the command line after `nbship`.
    ///   - directory: the working directory; the package root when `nil`.
    ///   - environment: variables set on top of this process's environment (`NO_COLOR=1` by default).
    ///   - input: standard input.
    /// - Returns: stdout, stderr, the exit status and whether it crashed.
    /// - Throws: when the binary cannot be started.
    public static func run(
        _ arguments: [String], in directory: URL? = nil,
        environment: [String: String] = ProcessRunner.defaultEnvironment, input: ProcessRunner.Input = .empty
    ) throws -> ProcessRunner.Result {
        try ProcessRunner.run(PackagePaths.binary, arguments: arguments, in: directory, environment: environment, input: input)
    }
}
