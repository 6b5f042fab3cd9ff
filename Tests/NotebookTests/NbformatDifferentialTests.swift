import Diagnostics
import Foundation
import Testing
@testable import Notebook

/// Reads notebooks with nbformat (the reference) and with ``NotebookReader``, and compares
/// what matters downstream: cells, their types, joined sources, execution counts, tags, ids
/// and the kernel. Enabled where a Python with nbformat exists (`NBSHIP_TEST_PYTHON`, else
/// `python3`); `make test` installs it.
@Suite("agreement with nbformat", .enabled(if: TestSupport.hasCorpus && TestSupport.pythonWithNbformat != nil))
struct NbformatDifferentialTests {
    /// Dumps nbformat's view of each notebook given as an argument, as one JSON array.
    static let oracle = #"""
    import json, logging, sys, warnings
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    import nbformat
    out = []
    for path in sys.argv[1:]:
        try:
            with open(path, encoding="utf-8") as f:
                original = json.load(f)
            nb = nbformat.read(path, 4)
        except Exception as e:
            out.append({"path": path, "error": type(e).__name__})
            continue
        md = nb.metadata if isinstance(nb.metadata, dict) else {}
        ks = md.get("kernelspec") if isinstance(md.get("kernelspec"), dict) else {}
        cells = []
        for c in nb.cells:
            meta = c.get("metadata") if isinstance(c.get("metadata"), dict) else {}
            tags = meta.get("tags")
            count = c.get("execution_count") if c.get("cell_type") == "code" else None
            cells.append({
                "type": c.get("cell_type"),
                "source": c.get("source") or "",
                "execution_count": count if isinstance(count, int) else None,
                "id": c.get("id") if isinstance(c.get("id"), str) else None,
                "tags": [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
            })
        out.append({
            "path": path,
            "original_major": original.get("nbformat"),
            "kernel_name": ks.get("name") if isinstance(ks.get("name"), str) else None,
            "cells": cells,
        })
    print(json.dumps(out))
    """#

    struct OracleNotebook: Decodable {
        var path: String
        var error: String?
        var original_major: Int?
        var kernel_name: String?
        var cells: [OracleCell]?
    }

    struct OracleCell: Decodable {
        var type: String
        var source: String
        var execution_count: Int?
        var id: String?
        var tags: [String]
    }

    /// The reference view of every corpus notebook and every `corpus/bad` file, computed once.
    static let reference: [String: OracleNotebook] = {
        let bad = TestSupport.badFiles().map { TestSupport.badDirectory.appendingPathComponent($0).path }
        let paths = TestSupport.corpusNotebooks() + bad + TestSupport.fixtureNotebooks()
        guard let data = try? TestSupport.runPython(oracle, arguments: paths),
              let list = try? JSONDecoder().decode([OracleNotebook].self, from: data) else { return [:] }
        return Dictionary(list.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    private func compare(_ path: String, reader: NotebookReader) throws {
        let reference = try #require(Self.reference[path], "nbformat oracle gave nothing for \(path)")
        let oracleCells = try #require(reference.cells, "nbformat failed on \(path): \(reference.error ?? "")")
        let result: ReadResult
        do throws(DiagnosticError) {
            result = try reader.read(contentsOf: path)
        } catch {
            Issue.record("nbformat reads \(path) but NotebookReader refused: \(error)")
            return
        }
        let cells = result.notebook.cells
        #expect(cells.count == oracleCells.count, "\(path)")
        for (cell, expected) in zip(cells, oracleCells) {
            #expect(cell.kind.name == expected.type, "\(path) cell \(cell.index)")
            #expect(cell.source == expected.source, "\(path) cell \(cell.index)")
            #expect(cell.executionCount == expected.execution_count, "\(path) cell \(cell.index)")
            #expect(cell.tags == expected.tags, "\(path) cell \(cell.index)")
            // nbformat invents ids for upgraded cells and renames duplicates; a valid,
            // unique id as written must come through unchanged.
            if let id = cell.id, CellID.isValid(id), cells.filter({ $0.id == id }).count == 1 {
                #expect(expected.id == id, "\(path) cell \(cell.index)")
            }
        }
        #expect(result.notebook.kernel.name == reference.kernel_name, "\(path)")
        if let major = reference.original_major, major < 4 {
            #expect(result.notebook.upgradedFrom?.major == major)
        }
    }

    @Test("the oracle ran")
    func oracleRan() {
        #expect(Self.reference.count == TestSupport.corpusNotebooks().count + TestSupport.badFiles().count + TestSupport.fixtureNotebooks().count)
        #expect(TestSupport.fixtureNotebooks().count >= 2)
    }

    @Test("every corpus notebook reads like nbformat reads it", arguments: TestSupport.corpusNotebooks())
    func corpusNotebook(path: String) throws {
        try compare(path, reader: NotebookReader())
    }

    @Test("our fixtures read like nbformat reads them", arguments: TestSupport.fixtureNotebooks())
    func fixture(path: String) throws {
        try compare(path, reader: NotebookReader())
    }

    @Test("every corpus/bad file nbformat reads, we read the same (any kernel, empty allowed)",
          arguments: TestSupport.badFiles())
    func badFile(name: String) throws {
        let path = TestSupport.badDirectory.appendingPathComponent(name).path
        guard let reference = Self.reference[path], reference.cells != nil,
              !BadCorpusTests.refusedThoughNbformatReads.contains(name) else {
            // nbformat refuses it (or we deliberately do): the table test checks the error.
            return
        }
        try compare(path, reader: NotebookReader(requirePython: false, allowEmpty: true))
    }
}
