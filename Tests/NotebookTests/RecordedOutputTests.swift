import Testing
@testable import Notebook

@Suite("Recorded outputs")
struct RecordedOutputTests {
    private func cells(_ json: String, nbformat: Int = 4) throws -> [Cell] {
        let text: String
        if nbformat == 4 {
            text = NotebookReaderTests.notebook(cells: json)
        } else {
            text = """
            {"metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "nbformat": 3, "nbformat_minor": 0,
             "worksheets": [{"cells": [\(json)]}]}
            """
        }
        return try TestSupport.read(text).get().notebook.cells
    }

    @Test("stream, result, display and error outputs of nbformat 4 decode in order, list text joined")
    func version4() throws {
        let cell = try #require(try cells("""
        {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "print(1)\\nx", "outputs": [
          {"output_type": "stream", "name": "stdout", "text": ["Accuracy: ", "0.5\\n"]},
          {"output_type": "stream", "name": "stderr", "text": "warn\\n"},
          {"output_type": "execute_result", "execution_count": 3, "metadata": {}, "data": {"text/plain": ["0.25"], "text/html": ["<b>0.25</b>"]}},
          {"output_type": "display_data", "metadata": {}, "data": {"image/png": "AAAA"}},
          {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": []}
        ]}
        """).first)
        #expect(cell.recordedOutputs == [
            .stream(name: "stdout", text: "Accuracy: 0.5\n"),
            .stream(name: "stderr", text: "warn\n"),
            .result(text: "0.25"),
            .display(text: ""),
            .error(name: "ValueError", value: "bad"),
        ])
        #expect(cell.recordedOutputs.compactMap(\.standardOutput) == ["Accuracy: 0.5\n"])
    }

    @Test("an upgraded nbformat 3 notebook's pyout, pyerr and stream outputs decode too")
    func version3() throws {
        let cell = try #require(try cells("""
        {"cell_type": "code", "input": "x", "language": "python", "metadata": {}, "prompt_number": 1, "outputs": [
          {"output_type": "stream", "stream": "stdout", "text": ["7\\n"]},
          {"output_type": "pyout", "prompt_number": 1, "metadata": {}, "text": ["42"]},
          {"output_type": "pyerr", "ename": "KeyError", "evalue": "'a'", "traceback": []}
        ]}
        """, nbformat: 3).first)
        #expect(cell.recordedOutputs == [.stream(name: "stdout", text: "7\n"), .result(text: "42"), .error(name: "KeyError", value: "'a'")])
    }

    @Test("a cell without outputs, or with an unknown output type only, has none")
    func none() throws {
        let cell = try #require(try cells("""
        {"cell_type": "code", "execution_count": null, "metadata": {}, "source": "x", "outputs": [{"output_type": "future_kind"}]}
        """).first)
        #expect(cell.recordedOutputs.isEmpty)
    }
}
