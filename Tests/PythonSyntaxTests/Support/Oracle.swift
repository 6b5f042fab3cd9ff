import Foundation

/// Runs `Tests/Oracle/cpython_facts.py` once over many cells.
enum Oracle {
    struct Result: Decodable, Sendable {
        struct Failure: Decodable, Sendable {
            var line: Int
            var column: Int
            var msg: String
        }

        var ok: Bool
        var imports: [[String?]]?
        var defines: [String]?
        var reads: [String]?
        var error: Failure?
    }

    struct Response: Decodable {
        var results: [Result]
    }

    /// The python to run: `NBSHIP_TEST_PYTHON`, else `python3` on the PATH.
    static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"], FileManager.default.isExecutableFile(atPath: configured) {
            return configured
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var isAvailable: Bool { python != nil }

    /// Runs the oracle on all sources at once.
    static func run(_ sources: [String]) throws -> [Result] {
        guard let python else { throw OracleError.noPython }
        let input = try JSONSerialization.data(withJSONObject: ["cells": sources])
        let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-oracle-\(UUID().uuidString).json")
        try input.write(to: inputURL)
        defer { try? FileManager.default.removeItem(at: inputURL) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Paths.oracle.path]
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleError.failed(process.terminationStatus) }
        return try JSONDecoder().decode(Response.self, from: data).results
    }

    enum OracleError: Error {
        case noPython
        case failed(Int32)
    }
}
