import Foundation
import TestSupport

/// Shared helpers for the lowering tests: paths, the test Python, the IPython oracle, and the
/// code cells of the corpus and fixtures.
enum LoweringTestSupport {
    /// The package root (two levels above this file's directory).
    static let packageRoot: URL = PackagePaths.root

    static let corpus = PackagePaths.corpus
    static let fixtures = PackagePaths.fixture("lowering")
    static let oracle = packageRoot.appendingPathComponent("Tests/Oracle/ipython_lower.py")

    /// `NBSHIP_TEST_PYTHON`, else `python3` from `PATH`.
    static var python: String { TestPython.interpreter }

    /// Runs the test Python with arguments and stdin; returns (status, stdout).
    static func runPython(_ arguments: [String], input: Data = Data()) throws -> (Int32, Data) {
        let result = try TestPython.run(arguments, environment: [:], input: .data(input))
        return (result.status, result.stdoutData)
    }

    /// Whether the test Python can import IPython (the oracle needs it).
    static let ipythonAvailable: Bool = TestPython.canImport("IPython")

    /// A code cell and where it came from.
    struct CodeCell {
        var origin: String
        var source: String
    }

    /// Code cells of every notebook under `../shared/corpus/notebooks` (recursive), of
    /// `../shared/corpus/bad/*.ipynb` that parse as JSON, and of the fixture files.
    static func allCodeCells() throws -> [CodeCell] {
        var cells: [CodeCell] = []
        var notebooks: [URL] = []
        let notebookRoot = corpus.appendingPathComponent("notebooks")
        if let enumerator = FileManager.default.enumerator(at: notebookRoot, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "ipynb" {
                notebooks.append(url)
            }
        }
        let bad = corpus.appendingPathComponent("bad")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: bad.path)) ?? [] where name.hasSuffix(".ipynb") {
            notebooks.append(bad.appendingPathComponent(name))
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [] where name.hasSuffix(".ipynb") {
            notebooks.append(fixtures.appendingPathComponent(name))
        }
        for url in notebooks.sorted(by: { $0.path < $1.path }) {
            for (index, source) in codeCells(ofNotebookAt: url).enumerated() {
                cells.append(CodeCell(origin: "\(url.lastPathComponent)#\(index)", source: source))
            }
        }
        for (index, source) in try fixtureCells().enumerated() {
            cells.append(CodeCell(origin: "cells.json#\(index)", source: source))
        }
        return cells
    }

    /// The table of constructs in `fixtures/lowering/cells.json` (`{"cells": [...]}`).
    static func fixtureCells() throws -> [String] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("cells.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["cells"] as? [String] ?? []
    }

    /// The sources of the code cells of a notebook (nbformat 4, or 3's worksheets).
    static func codeCells(ofNotebookAt url: URL) -> [String] {
        guard var data = try? Data(contentsOf: url) else { return [] }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var rawCells = object["cells"] as? [Any] ?? []
        if let worksheets = object["worksheets"] as? [[String: Any]] {
            for worksheet in worksheets { rawCells += worksheet["cells"] as? [Any] ?? [] }
        }
        return rawCells.compactMap { raw in
            guard let cell = raw as? [String: Any], cell["cell_type"] as? String == "code" else { return nil }
            let source = cell["source"] ?? cell["input"]
            if let text = source as? String { return text }
            if let parts = source as? [String] { return parts.joined() }
            return nil
        }
    }

    /// One oracle answer.
    struct OracleResult: Decodable {
        var kind: String
        var python_ast: String?
        var error: String?
        var ours_ast: String?
        var ours_error: String?
    }

    /// Runs the IPython oracle over cells (and dumps our lowered Python) in one process.
    static func oracleResults(cells: [String], ours: [String?]) throws -> [OracleResult] {
        let request: [String: Any] = ["cells": cells, "ours": ours.map { $0 as Any? ?? NSNull() }]
        let input = try JSONSerialization.data(withJSONObject: request)
        let (status, output) = try runPython([oracle.path], input: input)
        guard status == 0 else { throw OracleFailure(status: status) }
        let decoder = JSONDecoder()
        return try output.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(OracleResult.self, from: Data($0)) }
    }

    struct OracleFailure: Error { var status: Int32 }
}
