import Foundation
import TestSupport
import Notebook
import PythonSyntax
import Testing
@testable import Refactor

/// The analyse stage over whole notebooks against CPython: every code cell of the corpus and
/// of fixtures/, lowered by nbship and analysed in Swift, must report exactly the imports,
/// defines and reads that IPython's lowering plus CPython's `ast`/`symtable` give
/// (Tests/Oracle/notebook_facts.py), with builtins filtered the same way.
@Suite struct NotebookDifferentialTests {
    static let root = PackagePaths.root
    static let python = TestPython.interpreter

    static func notebooks() -> [URL] {
        let folders = [PackagePaths.corpus.appendingPathComponent("notebooks"), PackagePaths.fixtures]
        return folders.flatMap { PackagePaths.files(withExtension: "ipynb", under: $0) }.sorted { $0.path < $1.path }
    }

    static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
        let result = try ProcessRunner.run(["/usr/bin/env"] + arguments, environment: [:], input: .data(input))
        return (result.status, result.stdoutData)
    }

    static let oracleAvailable: Bool = {
        (try? run([python, "-c", "import IPython, nbformat"], input: Data()).status) == 0
    }()

    @Test(.enabled(if: oracleAvailable, "needs IPython and nbformat (make setup-python)"))
    func everyCodeCellAgreesWithCPython() throws {
        let paths = Self.notebooks().map(\.path)
        #expect(paths.count >= 20)
        let request = try JSONSerialization.data(withJSONObject: ["notebooks": paths])
        let script = Self.root.appendingPathComponent("Tests/Oracle/notebook_facts.py").path
        let (status, output) = try Self.run([Self.python, script], input: request)
        try #require(status == 0, "the oracle failed")
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let oracle = try #require(json["notebooks"] as? [String: [[String: Any]]])

        var compared = 0
        var disagreements: [String] = []
        for path in paths {
            let expected = try #require(oracle[path])
            let read = try NotebookReader(requirePython: false, allowEmpty: true).read(contentsOf: path)
            let analysis = NotebookAnalyser().analyse(read.notebook, path: path)
            try #require(analysis.cells.count == expected.count, "\(path): cell count differs from nbformat")
            for (cell, want) in zip(analysis.cells, expected) where cell.cell.kind == .code {
                let place = "\(URL(fileURLWithPath: path).lastPathComponent) cell \(cell.index)"
                switch want["kind"] as? String {
                case "non-python":
                    if cell.lowered?.python != nil { disagreements.append("\(place): oracle says not Python") }
                case "error":
                    let flagged = analysis.diagnostics.contains { $0.id == "python.syntax" && $0.location?.cell == cell.index }
                    if !flagged { disagreements.append("\(place): CPython rejects it but nbship reports no syntax error") }
                default:
                    compared += 1
                    guard let facts = cell.facts else {
                        disagreements.append("\(place): nbship has no facts")
                        continue
                    }
                    let imports = (want["imports"] as? [[Any]] ?? []).map { entry in
                        ImportFact(module: entry[0] as? String ?? "", name: entry[1] as? String, alias: entry[2] as? String)
                    }
                    let defines = want["defines"] as? [String] ?? []
                    let reads = want["reads"] as? [String] ?? []
                    if facts.imports != imports { disagreements.append("\(place): imports \(facts.imports) ≠ \(imports)") }
                    if facts.defines != defines { disagreements.append("\(place): defines \(facts.defines) ≠ \(defines)") }
                    if facts.reads != reads { disagreements.append("\(place): reads \(facts.reads) ≠ \(reads)") }
                }
            }
        }
        #expect(compared >= 400, "compared \(compared) cells")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(30).joined(separator: "\n"))")
    }
}
