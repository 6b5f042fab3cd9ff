import Foundation
import TestSupport

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

    /// The python to run: `NBSHIP_TEST_PYTHON`, else `python3`; `nil` when it does not run.
    static var python: String? {
        TestPython.canImport([]) ? TestPython.interpreter : nil
    }

    static var isAvailable: Bool { python != nil }

    /// Runs the oracle on all sources at once.
    static func run(_ sources: [String]) throws -> [Result] {
        guard let python else { throw OracleError.noPython }
        let input = try JSONSerialization.data(withJSONObject: ["cells": sources])
        let result = try ProcessRunner.run(["/usr/bin/env", python, Paths.oracle.path], environment: [:], input: .data(input))
        guard result.status == 0 else { throw OracleError.failed(result.status) }
        return try JSONDecoder().decode(Response.self, from: result.stdoutData).results
    }

    enum OracleError: Error {
        case noPython
        case failed(Int32)
    }
}
