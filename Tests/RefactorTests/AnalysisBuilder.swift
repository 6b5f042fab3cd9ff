import Notebook
import PythonSyntax
@testable import Refactor

/// Builds a `NotebookAnalysis` from hand-written cells and facts, so classifier tests do not
/// depend on the analyser's output.
struct AnalysisBuilder {
    private(set) var cells: [AnalysedCell] = []

    mutating func markdown(_ source: String) {
        cells.append(AnalysedCell(cell: Cell(index: cells.count, kind: .markdown, source: source)))
    }

    mutating func code(
        _ source: String, tags: [String] = [], executionCount: Int? = nil,
        imports: [ImportFact] = [], defines: [String] = [], reads: [String] = [],
        mutates: [String] = [], calls: [String] = []
    ) {
        let cell = Cell(index: cells.count, kind: .code, source: source, tags: tags, executionCount: executionCount)
        let facts = CellFacts(imports: imports, defines: defines.sorted(), reads: reads.sorted(), mutates: mutates.sorted(), calls: calls.sorted())
        cells.append(AnalysedCell(cell: cell, lowered: Lowering.lower(source), facts: facts,
                                  importedNames: NotebookAnalyser.importedNames(facts)))
    }

    func analysis() -> NotebookAnalysis {
        let notebook = Notebook(nbformat: 4, nbformatMinor: 5, kernel: KernelInfo(name: "python3", language: "python"), cells: cells.map(\.cell))
        return NotebookAnalysis(path: "nb.ipynb", notebook: notebook, cells: cells, diagnostics: [])
    }

    func stages() -> [Stage] {
        StageClassifier().classify(analysis()).map(\.stage)
    }
}
