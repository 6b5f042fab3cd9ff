import Foundation
import Testing
@testable import PythonSyntax

/// Opt-in stress test: set `NBSHIP_EXTRA_PYTHON_DIR` to a directory of `.py` files (for
/// instance CPython's own `Lib/`), and every file is compared with the oracle as one cell.
@Suite struct ExtraCorpusTests {
    static var directory: URL? {
        ProcessInfo.processInfo.environment["NBSHIP_EXTRA_PYTHON_DIR"].map { URL(fileURLWithPath: $0) }
    }

    @Test(.enabled(if: directory != nil && Oracle.isAvailable, "set NBSHIP_EXTRA_PYTHON_DIR to run"))
    func agreesWithCPythonOnExtraFiles() throws {
        let root = try #require(Self.directory)
        let files = CorpusCell.files(under: root, withExtension: "py")
        let sources = files.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
        let expected = try Oracle.run(sources)
        var mismatches: [String] = []
        var compared = 0
        for (file, (source, oracle)) in zip(files, zip(sources, expected)) {
            let analysis = PythonAnalyzer.analyze(source)
            let name = file.lastPathComponent
            guard oracle.ok else {
                if let issue = analysis.diagnostics.first {
                    if let line = oracle.error?.line, line > 0, line != issue.line {
                        mismatches.append("\(name): error line \(issue.line) (\(issue.message)), CPython \(line) (\(oracle.error?.msg ?? ""))")
                    }
                } else {
                    mismatches.append("\(name): CPython rejects (\(oracle.error?.msg ?? "")) at \(oracle.error?.line ?? 0)")
                }
                continue
            }
            compared += 1
            if let issue = analysis.diagnostics.first {
                mismatches.append("\(name): rejected at \(issue.line):\(issue.column) \(issue.message)")
                continue
            }
            let imports = analysis.facts.imports.map { [$0.module, $0.name, $0.alias] }
            if imports != (oracle.imports ?? []) { mismatches.append("\(name): imports differ") }
            let defines = Set(analysis.facts.defines).symmetricDifference(oracle.defines ?? [])
            if !defines.isEmpty { mismatches.append("\(name): defines differ \(defines.sorted())") }
            let reads = Set(analysis.facts.reads).symmetricDifference(oracle.reads ?? [])
            if !reads.isEmpty { mismatches.append("\(name): reads differ \(reads.sorted())") }
        }
        print("ExtraCorpusTests: compared \(compared) of \(files.count) files, \(mismatches.count) disagreements")
        #expect(mismatches.isEmpty, Comment(rawValue: mismatches.prefix(80).joined(separator: "\n")))
    }
}
