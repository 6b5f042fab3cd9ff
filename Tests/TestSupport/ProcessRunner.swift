import Foundation

/// Runs a process to completion and captures what it wrote.
///
/// Output goes to temporary files, not pipes, so a child writing a lot can never block on a
/// full pipe while the test waits for it to exit. Standard input is empty, a file, or bytes
/// (written to a file first, for the same reason).
public enum ProcessRunner {
    /// What a finished process left behind.
    public struct Result: Sendable, Equatable {
        /// Standard output, decoded as UTF-8 (invalid bytes replaced).
        public var stdout: String
        /// Standard output as the bytes written.
        public var stdoutData: Data
        /// Standard error, decoded as UTF-8 (invalid bytes replaced).
        public var stderr: String
        /// The exit status, or the signal number when `crashed`.
        public var status: Int32
        /// Whether the process ended by a signal (a crash) rather than exiting.
        public var crashed: Bool

        public init(stdoutData: Data, stderr: String, status: Int32, crashed: Bool) {
            self.stdout = String(decoding: stdoutData, as: UTF8.self)
            self.stdoutData = stdoutData
            self.stderr = stderr
            self.status = status
            self.crashed = crashed
        }
    }

    /// Where standard input comes from.
    public enum Input: Sendable {
        /// `/dev/null`.
        case empty
        /// The contents of a file.
        case file(URL)
        /// These bytes.
        case data(Data)
    }

    /// The environment changes every test run gets unless it says otherwise: no colour.
    public static let defaultEnvironment: [String: String] = ["NO_COLOR": "1"]

    /// Runs `executable` with `arguments` and waits for it.
    /// - Parameters:
    ///   - executable: the program to run (use `/usr/bin/env` to search `PATH`).
    ///   - arguments: its arguments.
    ///   - directory: the working directory; the package root when `nil`.
    ///   - environment: variables set (or replaced) on top of this process's environment.
    ///   - inheritsEnvironment: when `false`, `environment` is the child's whole environment
    ///     (so a test can also remove variables).
    ///   - input: standard input.
    /// - Returns: the captured output, exit status and whether it crashed.
    /// - Throws: when the process cannot be started or its output cannot be read.
    public static func run(
        _ executable: URL, arguments: [String], in directory: URL? = nil,
        environment: [String: String] = defaultEnvironment, inheritsEnvironment: Bool = true, input: Input = .empty
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? PackagePaths.root
        process.environment = inheritsEnvironment
            ? ProcessInfo.processInfo.environment.merging(environment) { _, new in new } : environment
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        var inputHandle: FileHandle?
        switch input {
        case .empty:
            process.standardInput = FileHandle.nullDevice
        case .file(let url):
            inputHandle = try FileHandle(forReadingFrom: url)
        case .data(let data):
            let inURL = scratch.appendingPathComponent("stdin")
            try data.write(to: inURL)
            inputHandle = try FileHandle(forReadingFrom: inURL)
        }
        if let inputHandle { process.standardInput = inputHandle }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try inputHandle?.close()
        return Result(
            stdoutData: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs a command line whose first element is the executable's path.
    /// - Parameters:
    ///   - commandLine: the executable's path, then its arguments; must not be empty.
    ///   - directory: the working directory; the package root when `nil`.
    ///   - environment: variables set (or replaced) on top of this process's environment.
    ///   - input: standard input.
    /// - Returns: the captured output, exit status and whether it crashed.
    /// - Throws: when the process cannot be started or its output cannot be read.
    public static func run(
        _ commandLine: [String], in directory: URL? = nil,
        environment: [String: String] = defaultEnvironment, input: Input = .empty
    ) throws -> Result {
        guard let first = commandLine.first else { throw CocoaError(.executableNotLoadable) }
        return try run(
            URL(fileURLWithPath: first), arguments: Array(commandLine.dropFirst()), in: directory,
            environment: environment, input: input)
    }
}
