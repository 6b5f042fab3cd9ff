import Diagnostics
import Foundation
import Testing
@testable import Notebook

@Suite("NotebookReader")
struct NotebookReaderTests {
    /// A v4 notebook around the given cells JSON, with a Python kernel.
    static func notebook(cells: String, minor: Int = 4, metadata: String = #"{"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}"#) -> String {
        """
        {
         "cells": [\(cells)],
         "metadata": \(metadata),
         "nbformat": 4,
         "nbformat_minor": \(minor)
        }
        """
    }

    private func error(_ text: String, requirePython: Bool = true, allowEmpty: Bool = false) throws -> Diagnostic {
        switch TestSupport.read(text, requirePython: requirePython, allowEmpty: allowEmpty) {
        case .success:
            Issue.record("read succeeded")
            throw CancellationError()
        case .failure(let error):
            return error.diagnostic
        }
    }

    /// The 1-based line and column where `needle` first occurs in `text`.
    private func spot(_ needle: String, in text: String, last: Bool = false) throws -> (Int, Int) {
        let bytes = TestSupport.bytes(text)
        let offset = try #require(TestSupport.offset(of: needle, in: bytes, last: last))
        return TestSupport.lineColumn(ofOffset: offset, in: bytes)
    }

    private func at(_ diagnostic: Diagnostic) -> (Int, Int)? {
        diagnostic.location.map { ($0.line, $0.column) }
    }

    @Test("v4 features: sources, ids, tags, outputs, attachments, raw cells, kernel")
    func v4Features() throws {
        let path = TestSupport.fixtures.appendingPathComponent("v4_features.ipynb").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let result = try NotebookReader().read(contentsOf: path)
        #expect(result.warnings.isEmpty)
        let notebook = result.notebook
        #expect(notebook.nbformat == 4 && notebook.nbformatMinor == 5)
        #expect(notebook.upgradedFrom == nil)
        #expect(notebook.kernel == KernelInfo(name: "python3", language: "python", displayName: "Python 3 (ipykernel)"))
        #expect(notebook.metadata["language_info"]?["version"] == .string("3.11.7"))
        let cells = notebook.cells
        #expect(cells.map(\.kind) == [.markdown, .code, .markdown, .raw, .code])
        #expect(cells.map(\.id) == ["intro", "load-data", "pic", "front-matter", "not-run"])
        #expect(cells[0].source == "# Title\n\nSome *text* with é and 😀 and 😀.\n")
        #expect(cells[1].source == "import pandas as pd\ndf = pd.read_csv(\"data.csv\")")
        #expect(cells[1].tags == ["nbship:data", "parameters"])
        #expect(cells[1].executionCount == 7)
        #expect(cells[4].executionCount == nil)
        #expect(cells[4].source == "")
        #expect(cells[3].rawMimetype == "text/markdown")
        #expect(cells[3].source == "---\ntitle: x\n---")
        // Outputs are the exact bytes of the file, from '[' to ']'.
        let outputs = try #require(cells[1].outputs)
        let start = try #require(TestSupport.offset(of: "[\n    {\n     \"data\"", in: bytes))
        #expect(outputs.bytes == Array(bytes[start..<start + outputs.count]))
        #expect(outputs.text.hasSuffix("]"))
        #expect(outputs.text.contains("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"))
        #expect(cells[4].outputs?.isEmptyContainer == true)
        let decoded = try #require(outputs.decoded())
        #expect(decoded.arrayValue?.first?["output_type"] == .string("display_data"))
        #expect(decoded.arrayValue?.first?["data"]?["text/plain"] == .array([.string("<Figure>")]))
        #expect(RawJSON(unchecked: "[1,]").decoded() == nil)
        #expect(cells[1].outputs?.isEmptyContainer == false)
        #expect(cells[2].attachments?.text.contains("\"pic.png\"") == true)
        #expect(cells[0].outputs == nil)
        // sourceLine: where each "source" value starts.
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let sourceLines = lines.indices.filter { lines[$0].contains("\"source\":") }.map { $0 + 1 }
        #expect(cells.map(\.sourceLine) == sourceLines.map(Optional.some))
    }

    @Test("nbformat 3: worksheets flattened, headings and html become markdown")
    func v3Upgrade() throws {
        let path = TestSupport.fixtures.appendingPathComponent("v3_worksheets.ipynb").path
        let result = try NotebookReader().read(contentsOf: path)
        let notebook = result.notebook
        #expect(notebook.upgradedFrom == NotebookVersion(major: 3, minor: 0))
        #expect(notebook.nbformat == 4)
        #expect(result.warnings.map(\.id) == ["notebook.upgraded"])
        #expect(result.warnings.first?.message == "upgraded from nbformat 3.0 to 4")
        #expect(notebook.kernel.language == "python")
        #expect(notebook.metadata == .object([]))
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .markdown, .markdown, .raw, .code, .markdown])
        #expect(notebook.cells.map(\.source) == [
            "## Loading the data",
            "import pandas as pd\ndf = pd.read_csv('iris.csv')",
            "no newline\nbetween these",
            "<b>bold</b>",
            ".. note:: raw",
            "print(df.shape)",
            "# Title",
        ])
        #expect(notebook.cells.map(\.index) == Array(0..<7))
        #expect(notebook.cells[1].executionCount == 3)
        #expect(notebook.cells[1].tags == ["data"])
        #expect(notebook.cells[1].metadata["collapsed"] == .bool(true))
        #expect(notebook.cells[1].outputs?.text.contains("pyout") == true)
        #expect(notebook.cells[4].rawMimetype == "text/x-rst")
        #expect(notebook.cells.allSatisfy { $0.id == nil })
    }

    @Test("a v3 notebook whose cells are in R is refused by its cell language")
    func v3CellLanguage() throws {
        let text = #"{"metadata": {}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": [{"cell_type": "code", "input": "x <- 1", "language": "r", "outputs": []}]}]}"#
        let diagnostic = try error(text)
        #expect(diagnostic.id == "notebook.unsupported-kernel")
        #expect(diagnostic.message == "this notebook's kernel is R; nbship converts Python notebooks only")
        #expect(at(diagnostic)! == (try spot("\"language\"", in: text)))
    }

    @Test("required keys: missing is located at the cell, ill-typed at the value", arguments: [
        (#"{"metadata": {}, "source": "x"}"#, "notebook.missing-key", "cell 0 has no 'cell_type'", "{\"metadata\""),
        (#"{"cell_type": 3, "metadata": {}, "source": "x"}"#, "notebook.invalid-type", "'cell_type' of cell 0 must be a string, found a number", "3,"),
        (#"{"cell_type": "code", "metadata": {}, "outputs": []}"#, "notebook.missing-key", "cell 0 (code) has no 'source'", "{\"cell_type\""),
        (#"{"cell_type": "code", "metadata": {}, "source": 12}"#, "notebook.invalid-type", "'source' of cell 0 must be a string or a list of strings, found a number", "12"),
        (#"{"cell_type": "code", "metadata": {}, "source": ["a", null]}"#, "notebook.invalid-type", "'source' of cell 0 must be a string or a list of strings, but an element is null", "null"),
        (#"{"cell_type": "code", "source": "x"}"#, "notebook.missing-key", "cell 0 has no 'metadata'", "{\"cell_type\""),
        (#""not a cell""#, "notebook.invalid-type", "cell 0 must be an object, found a string", "\"not a cell\""),
    ])
    func requiredKeys(cell: String, id: String, message: String, needle: String) throws {
        let text = Self.notebook(cells: cell)
        let diagnostic = try error(text)
        #expect(diagnostic.id == id)
        #expect(diagnostic.message == message)
        #expect(at(diagnostic)! == (try spot(needle, in: text)))
    }

    @Test("top-level problems", arguments: [
        ("[1, 2]", "notebook.not-an-object", "a notebook must be a JSON object, found an array", "[1"),
        (#"{"cells": [], "metadata": {}}"#, "notebook.missing-key", "missing 'nbformat'; this JSON file is not a Jupyter notebook", "{"),
        (#"{"cells": [], "metadata": {}, "nbformat": "4"}"#, "notebook.invalid-type", "'nbformat' must be an integer, found a string", "\"4\""),
        (#"{"cells": [], "metadata": {}, "nbformat": 4.0}"#, "notebook.invalid-type", "'nbformat' must be an integer, found a number", "4.0"),
        (#"{"cells": [], "metadata": {}, "nbformat": 5, "nbformat_minor": 0}"#, "notebook.unsupported-version", "nbformat 5 is newer than nbship understands; it reads nbformat 4 and upgrades 2 and 3", "5,"),
        (#"{"cells": [], "metadata": {}, "nbformat": 1}"#, "notebook.unsupported-version", "nbformat 1 is too old; nbship reads nbformat 4 and upgrades 2 and 3", "1}"),
        (#"{"cells": [], "metadata": {}, "nbformat": 99999999999999999999999}"#, "notebook.invalid-type", "'nbformat' must be an integer, found a number", "9999"),
        (#"{"metadata": {}, "nbformat": 4, "nbformat_minor": 4}"#, "notebook.missing-key", "missing 'cells' (required by nbformat 4)", "{"),
        (#"{"cells": {}, "metadata": {}, "nbformat": 4, "nbformat_minor": 4}"#, "notebook.invalid-type", "'cells' must be an array, found an object", "{}"),
        (#"{"cells": [], "nbformat": 4, "nbformat_minor": 4}"#, "notebook.missing-key", "missing 'metadata' (required by nbformat 4)", "{"),
        (#"{"cells": [], "metadata": [], "nbformat": 4, "nbformat_minor": 4}"#, "notebook.invalid-type", "'metadata' must be an object, found an array", "[], \"nbformat\""),
    ])
    func topLevel(text: String, id: String, message: String, needle: String) throws {
        let diagnostic = try error(text)
        #expect(diagnostic.id == id)
        #expect(diagnostic.message == message)
        #expect(at(diagnostic)! == (try spot(needle, in: text)))
    }

    @Test("empty notebooks are a clear error unless allowed")
    func empty() throws {
        for text in ["", "  \n\t ", "\u{FEFF}"] {
            let diagnostic = try error(text)
            #expect(diagnostic.id == "notebook.empty")
            #expect(at(diagnostic)! == (1, 1))
        }
        let zero = Self.notebook(cells: "")
        let diagnostic = try error(zero)
        #expect(diagnostic.id == "notebook.empty")
        #expect(diagnostic.message == "this notebook has no cells; there is nothing to convert")
        #expect(at(diagnostic)! == (try spot("\"cells\"", in: zero)))
        #expect(try TestSupport.read(zero, allowEmpty: true).get().notebook.cells.isEmpty)
    }

    @Test("kernels: Python accepted, python2 warned, others refused at the key")
    func kernels() throws {
        let cell = #"{"cell_type": "code", "metadata": {}, "outputs": [], "source": "1"}"#
        // No kernel information at all: assumed Python.
        #expect(try TestSupport.read(Self.notebook(cells: cell, metadata: "{}")).get().warnings.isEmpty)

        let r = Self.notebook(cells: cell, metadata: #"{"language_info": {"name": "R"}}"#)
        let rError = try error(r)
        #expect(rError.id == "notebook.unsupported-kernel")
        #expect(rError.message == "this notebook's kernel is R; nbship converts Python notebooks only")
        #expect(at(rError)! == (try spot("\"language_info\"", in: r)))

        let julia = Self.notebook(cells: cell, metadata: #"{"kernelspec": {"name": "julia-1.9", "display_name": "Julia"}}"#)
        #expect(try error(julia).message == "this notebook's kernel is Julia (julia-1.9); nbship converts Python notebooks only")

        let unknown = Self.notebook(cells: cell, metadata: #"{"kernelspec": {"name": "my-env", "display_name": "Mine"}}"#)
        #expect(try TestSupport.read(unknown).get().warnings.map(\.id) == ["notebook.unknown-kernel"])

        let py2 = Self.notebook(cells: cell, metadata: #"{"kernelspec": {"name": "python2", "language": "python", "display_name": "Python 2"}}"#)
        let warnings = try TestSupport.read(py2).get().warnings
        #expect(warnings.map(\.id) == ["notebook.python2"])
        #expect(warnings.first.flatMap(at)! == (try spot("\"kernelspec\"", in: py2)))

        // The check is also a separate function, for callers that read any notebook.
        let any = try TestSupport.read(r, requirePython: false).get().notebook
        #expect(any.kernel.language == "R")
        #expect(throws: DiagnosticError.self) { try any.checkPythonKernel() }
        #expect(KernelInfo.isPython("Python") && !KernelInfo.isPython("R"))
    }

    @Test("cell ids: missing in 4.5, malformed or repeated are warnings, not errors")
    func cellIDs() throws {
        let noID = #"{"cell_type": "markdown", "metadata": {}, "source": "a"}"#
        let missing = try TestSupport.read(Self.notebook(cells: [noID, noID, noID].joined(separator: ","), minor: 5)).get()
        #expect(missing.warnings.map(\.message) == ["3 cells have no id (the first is cell 0); nbformat 4.5 requires cell ids"])
        #expect(try TestSupport.read(Self.notebook(cells: noID, minor: 4)).get().warnings.isEmpty)

        let cells = [
            #"{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "x"}"#,
            #"{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "y"}"#,
            #"{"cell_type": "markdown", "id": "has space", "metadata": {}, "source": "z"}"#,
            #"{"cell_type": "markdown", "id": 5, "metadata": {}, "source": "w"}"#,
        ].joined(separator: ",\n")
        let text = Self.notebook(cells: cells, minor: 5)
        let result = try TestSupport.read(text).get()
        #expect(result.notebook.cells.map(\.id) == ["a", "a", "has space", nil])
        #expect(result.warnings.map(\.message) == [
            "cell 1 has the same id 'a' as cell 0",
            "cell 2 has the invalid id 'has space'; an id is 1 to 64 letters, digits, '-' or '_'",
            "the id of cell 3 must be a string, found a number; ignored",
        ])
        #expect(result.warnings.allSatisfy { $0.id == "notebook.cell-id" && $0.severity == .warning })
        #expect(at(result.warnings[0])! == (try spot("\"a\", \"metadata\": {}, \"source\": \"y\"", in: text)))
    }

    @Test("unknown cell types are kept as .other with a warning")
    func unknownCellType() throws {
        let text = Self.notebook(cells: #"{"cell_type": "widget", "metadata": {}, "source": "w"}, {"cell_type": "future", "metadata": {}}"#)
        let result = try TestSupport.read(text).get()
        #expect(result.notebook.cells.map(\.kind) == [.other("widget"), .other("future")])
        #expect(result.notebook.cells.map(\.source) == ["w", ""])
        #expect(result.warnings.map(\.id) == ["notebook.unknown-cell-type", "notebook.unknown-cell-type"])
    }

    @Test("ill-typed optional fields are warnings and never trap")
    func illTypedOptionals() throws {
        let cells = [
            #"{"cell_type": "code", "execution_count": 99999999999999999999999999, "metadata": {"tags": "x"}, "outputs": [], "source": "a"}"#,
            #"{"cell_type": "code", "execution_count": -3, "metadata": {"tags": ["ok", 1]}, "outputs": [], "source": "b"}"#,
            #"{"cell_type": "code", "execution_count": "7", "metadata": {}, "outputs": [], "source": "c"}"#,
        ].joined(separator: ",")
        let result = try TestSupport.read(Self.notebook(cells: cells)).get()
        #expect(result.notebook.cells.map(\.executionCount) == [nil, nil, nil])
        #expect(result.notebook.cells.map(\.tags) == [[], ["ok"], []])
        #expect(result.warnings.count == 5)
    }

    @Test("a BOM is skipped and columns on line 1 do not count it")
    func bomColumns() throws {
        let diagnostic = try error("\u{FEFF}{,}")
        #expect(diagnostic.id == "notebook.invalid-json")
        #expect(at(diagnostic)! == (1, 2))
        let diagnostic2 = try error("\u{FEFF}[\n 1,\n ]")
        #expect(at(diagnostic2)! == (3, 2))
    }

    @Test("invalid JSON renders as path:line:col: error: … [notebook.invalid-json]")
    func rendering() throws {
        let text = "{\n \"cells\": [\n  {\"a\": 1,}\n ]\n}"
        switch TestSupport.read(TestSupport.bytes(text), path: "dir/nb.ipynb") {
        case .success:
            Issue.record("read succeeded")
        case .failure(let error):
            #expect(error.description == """
                dir/nb.ipynb:3:11: error: expected a string key after ',', found '}' [notebook.invalid-json]
                  note: a notebook must be valid JSON (RFC 8259)
                """)
        }
        // Columns count Unicode scalars, not bytes.
        let wide = "{\"é😀\": tru}"
        #expect(at(try error(wide))! == (1, 8))
    }

    @Test("warnings on one long minified line get the right columns, in any order")
    func minifiedColumns() throws {
        let output = #"[{"data": {"text/plain": "\#(String(repeating: "é", count: 3000))"}, "output_type": "display_data", "metadata": {}}]"#
        let cells = (0..<200).map { index in
            #"{"cell_type": "kind\#(index)", "metadata": {}, "outputs": \#(output), "source": "x"}"#
        }
        let text = #"{"metadata": {"kernelspec": {"name": "python2", "language": "python", "display_name": "Python 2"}}, "cells": ["# + cells.joined(separator: ",") + #"], "nbformat": 4, "nbformat_minor": 4}"#
        let bytes = TestSupport.bytes(text)
        let result = try TestSupport.read(bytes).get()
        #expect(result.warnings.count == 201)
        var expected: [(Int, Int)] = []
        var searchFrom = 0
        for index in 0..<200 {
            let needle = Array("\"kind\(index)\"".utf8)
            let offset = try #require((searchFrom...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
            expected.append(TestSupport.lineColumn(ofOffset: offset, in: bytes))
            searchFrom = offset
        }
        let kernel = TestSupport.lineColumn(ofOffset: try #require(TestSupport.offset(of: "\"kernelspec\"", in: bytes)), in: bytes)
        #expect(result.warnings.map { at($0)! }.map { [$0.0, $0.1] } == ([kernel] + expected).map { [$0.0, $0.1] })
    }

    @Test("file errors are notebook.io")
    func fileErrors() throws {
        for path in ["/nonexistent/nb.ipynb", NSTemporaryDirectory()] {
            do throws(DiagnosticError) {
                _ = try NotebookReader().read(contentsOf: path)
                Issue.record("read \(path)")
            } catch {
                #expect(error.diagnostic.id == "notebook.io")
                #expect(error.diagnostic.message.contains(path))
            }
        }
    }

    @Test("reading a file and reading its bytes give the same notebook")
    func fileAndBytesAgree() throws {
        for path in TestSupport.fixtureNotebooks() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let fromFile = try NotebookReader().read(contentsOf: path)
            let fromBytes = try NotebookReader().read(bytes, path: path)
            #expect(fromFile == fromBytes)
        }
    }
}
