import ArgumentParser
import Diagnostics
import Foundation
import Verify

extension NBShip {
    /// `nbship verify`: re-runs a converted project's checks of the notebook's recorded results.
    struct VerifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that a converted project reproduces what its notebook recorded.",
            discussion: """
                Runs the project's tests/test_notebook_results.py (written by nbship convert \
                from the lines the notebook's training cells printed) with the given Python: \
                train.main() runs once, and every recorded line must come out again with the \
                same numbers, to the digits the notebook shows (by range for values that \
                depend on unseeded randomness). pytest's progress goes to stderr; the table \
                (cell, recorded value, reproduced value, verdict) to stdout.

                Exit status: 0 when every value is reproduced, 1 when one is not (or training \
                fails), 2 when PROJECT is not a converted project or Python cannot be run.
                """
        )

        @Argument(help: "The project folder (written by nbship convert).")
        var project: String = "."

        @Option(help: "The Python that has the project's requirements (default: python3 on PATH).")
        var python: String = "python3"

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let folder = URL(fileURLWithPath: project, isDirectory: true)
            let tests = folder.appendingPathComponent("tests/test_notebook_results.py")
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("pyproject.toml").path) else {
                Terminal.report([.error("verify.not-a-project", "\(project) has no pyproject.toml: not a project nbship convert wrote",
                                        at: SourceLocation(path: project, line: 1, column: 1))])
                throw ExitCode(2)
            }
            guard FileManager.default.fileExists(atPath: tests.path) else {
                Terminal.report([.note("verify.no-results", "\(project) has no tests/test_notebook_results.py: its notebook recorded no values of training cells to check",
                                       at: SourceLocation(path: project, line: 1, column: 1),
                                       notes: ["save the notebook with its outputs, then convert it again"])])
                if format == .json { Terminal.write("[]\n") }
                return
            }
            guard let interpreter = Self.resolve(python) else {
                Terminal.report([.error("verify.no-python", "cannot find '\(python)' to run the project with", notes: ["pass --python PATH"])])
                throw ExitCode(2)
            }
            let report = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-verify-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: report) }
            let status = try Self.pytest(interpreter, folder: folder, report: report)
            let rows = VerificationRow.rows((try? String(contentsOf: report, encoding: .utf8)) ?? "")
            switch format {
            case .text: Terminal.write(VerificationRow.table(rows))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.write(String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n")
            }
            let failed = rows.filter { !$0.passed }.count
            if status != 0 || failed > 0 {
                let what = rows.isEmpty ? "no check ran (see pytest's output above): training may have failed"
                    : "\(failed) of \(rows.count) recorded values not reproduced"
                Terminal.report([.error("verify.mismatch", what, at: SourceLocation(path: tests.path, line: 1, column: 1))])
                throw ExitCode(1)
            }
        }

        /// Runs pytest on the results test, its output on stderr; returns pytest's exit status.
        static func pytest(_ interpreter: String, folder: URL, report: URL) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: interpreter)
            process.arguments = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_notebook_results.py"]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            let source = folder.appendingPathComponent("src").path
            environment["PYTHONPATH"] = [source, environment["PYTHONPATH"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ":")
            environment["NBSHIP_VERIFY_REPORT"] = report.path
            environment["MPLBACKEND"] = "Agg"
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.standardError
            process.standardError = FileHandle.standardError
            do {
                try process.run()
            } catch {
                Terminal.report([.error("verify.no-python", "cannot run '\(interpreter)': \(error.localizedDescription)")])
                throw ExitCode(2)
            }
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// An absolute path for a program name or path, `nil` when it is not there.
        static func resolve(_ program: String) -> String? {
            if program.contains("/") {
                return FileManager.default.isExecutableFile(atPath: program) ? program : nil
            }
            return Executable.onPath(program)
        }
    }
}
