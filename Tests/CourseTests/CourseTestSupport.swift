import Foundation

/// Paths and processes the Course tests use.
enum CourseTestSupport {
    /// The package root (this file is Tests/CourseTests/CourseTestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("fixtures/course/\(name)")
    }

    /// `$NBSHIP_TEST_PYTHON`, else `python3`.
    static var python: String {
        ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"
    }

    /// Whether `python` runs and can import `module` (pass `nil` just to check python).
    static func pythonHas(_ module: String?) -> Bool {
        let result = try? run(["/usr/bin/env", python, "-c", module.map { "import \($0)" } ?? "pass"])
        return result?.status == 0
    }

    /// The debug build of nbship, when it exists.
    static var binary: URL? {
        let url = packageRoot.appendingPathComponent(".build/debug/nbship")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs a process to completion (output through files, stdin empty).
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            status: process.terminationStatus)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A one-notebook JSON document with the given cells (`cell_type`, `source`, optional nbgrader metadata).
    static func notebook(_ cells: [(type: String, source: String, nbgrader: [String: Any]?)]) throws -> [UInt8] {
        let cellObjects: [[String: Any]] = cells.map { cell in
            var object: [String: Any] = [
                "cell_type": cell.type, "metadata": cell.nbgrader.map { ["nbgrader": $0] } ?? [:],
                "source": cell.source,
            ]
            if cell.type == "code" {
                object["outputs"] = []
                object["execution_count"] = NSNull()
            }
            return object
        }
        let root: [String: Any] = [
            "cells": cellObjects, "nbformat": 4, "nbformat_minor": 5,
            "metadata": ["kernelspec": ["name": "python3", "language": "python", "display_name": "Python 3"]],
        ]
        return Array(try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]))
    }
}
