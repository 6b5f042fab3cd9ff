import Foundation

/// Runs an interpreter to completion and collects what it wrote (the library's only way to
/// start a process; stdin is empty, the output is never printed).
enum ChildProcess {
    /// What a finished process left behind.
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data

        /// The last non-empty line of standard error, for a diagnostic.
        var lastErrorLine: String? {
            String(decoding: stderr, as: UTF8.self).split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
        }
    }

    /// Runs `executable` and waits for it.
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - workingDirectory: The directory to run it in, `nil` for the caller's.
    ///   - input: Standard input (`nil`: empty).
    ///   - environment: Variables set on top of this process's environment.
    /// - Returns: The exit status and output.
    /// - Throws: The launch error when the program cannot be started.
    static func run(
        _ executable: URL, arguments: [String], workingDirectory: String? = nil, input: Data? = nil, environment extra: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory {
            process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        }
        var environment = ProcessInfo.processInfo.environment
        // The answer must not depend on the caller's locale.
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment.merging(extra) { _, new in new }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        if let stdin, let input {
            // Feed stdin on another thread: the child may fill stdout before reading it all.
            let writer = Thread {
                try? stdin.fileHandleForWriting.write(contentsOf: input)
                try? stdin.fileHandleForWriting.close()
            }
            writer.start()
        }
        // Drain stderr on another thread so a chatty interpreter cannot block on a full pipe.
        let errorOutput = OutputCollector()
        let errorReader = Thread {
            errorOutput.finish(with: stderr.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: output, stderr: errorOutput.wait())
    }
}
