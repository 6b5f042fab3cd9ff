import Testing
@testable import Diagnostics

@Suite struct DiagnosticRendererTests {
    @Test func rendersFileLocationSeverityMessageAndId() {
        let diagnostic = Diagnostic.error(
            "notebook.invalid-json", "expected ',' or '}'",
            at: SourceLocation(path: "nb.ipynb", line: 3, column: 7))
        #expect(DiagnosticRenderer(colour: false).render(diagnostic)
            == "nb.ipynb:3:7: error: expected ',' or '}' [notebook.invalid-json]")
    }

    @Test func rendersCellLocationsTheWayNbqaDoes() {
        let diagnostic = Diagnostic.warning(
            "python.syntax", "invalid syntax",
            at: SourceLocation(path: "a.ipynb", cell: 4, line: 2, column: 1),
            notes: ["the rest of the notebook is still analysed"])
        #expect(DiagnosticRenderer(colour: false).render(diagnostic)
            == "a.ipynb:cell_4:2:1: warning: invalid syntax [python.syntax]\n  note: the rest of the notebook is still analysed")
    }

    @Test func colourWrapsOnlyTheSeverity() {
        let text = DiagnosticRenderer(colour: true).render(.note("x.y", "hello"))
        #expect(text == "\u{1B}[1;36mnote\u{1B}[0m: hello [x.y]")
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.note < .warning)
        #expect(Severity.warning < .error)
        #expect(Severity.allCases.max() == .error)
    }
}
