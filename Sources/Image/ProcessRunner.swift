import Foundation

/// Runs an external tool (pip, mmdebstrap) and captures what it printed.
enum ProcessRunner {
    struct Output {
        var status: Int32
        var text: String
    }

    /// Runs `arguments[0]` (looked up on PATH) with the rest as arguments.
    static func run(_ arguments: [String], environment: [String: String] = [:], logDirectory: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let log = logDirectory + "/process-\(UUID().uuidString).log"
        guard FileManager.default.createFile(atPath: log, contents: nil), let handle = FileHandle(forWritingAtPath: log) else {
            throw ImageFailure.general("image.tool-failed", "cannot create a log file for \(arguments.first ?? "tool")")
        }
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: log)
        }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ImageFailure.general("image.tool-missing", "cannot run \(arguments.first ?? "tool"): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, text: text)
    }
}
