import Diagnostics
import Notebook
import PythonSyntax

/// Runs the **lower** and **analyse** stages over every cell of a notebook.
///
/// A problem in one cell (a syntax error, a cell magic that is not Python) is recorded as a
/// diagnostic for that cell and the rest of the notebook is still analysed.
public struct NotebookAnalyser: Sendable {
    /// Creates an analyser.
    public init() {}

    /// Lowers and analyses every code cell.
    /// - Parameters:
    ///   - notebook: The notebook, as read.
    ///   - path: The notebook's path as the user gave it, for diagnostics.
    /// - Returns: Cells with their facts, and the diagnostics found on the way.
    public func analyse(_ notebook: Notebook, path: String) -> NotebookAnalysis {
        var cells: [AnalysedCell] = []
        var diagnostics: [Diagnostic] = []
        var definedSoFar: Set<String> = []
        for cell in notebook.cells {
            guard cell.kind == .code else {
                cells.append(AnalysedCell(cell: cell))
                continue
            }
            let lowered = Lowering.lower(cell.source)
            diagnostics += loweringDiagnostics(lowered, cell: cell, path: path)
            guard let python = lowered.python else {
                cells.append(AnalysedCell(cell: cell, lowered: lowered))
                continue
            }
            let analysis = PythonAnalyzer.analyze(python)
            diagnostics += syntaxDiagnostics(analysis, cell: cell, path: path)
            var facts = analysis.facts
            let ownAndEarlier = definedSoFar.union(facts.defines)
            facts.reads = facts.reads.filter { !PythonBuiltins.names.contains($0) || ownAndEarlier.contains($0) }
            definedSoFar.formUnion(facts.defines)
            cells.append(AnalysedCell(cell: cell, lowered: lowered, facts: facts, importedNames: Self.importedNames(facts)))
        }
        var analysis = NotebookAnalysis(path: path, notebook: notebook, cells: cells, diagnostics: diagnostics)
        analysis.diagnostics += HiddenStateCheck().check(analysis)
        analysis.diagnostics += SecretScanner().scan(analysis)
        return analysis
    }

    /// The names an import binds: the alias, else the imported name, else the first component
    /// of the module (`import a.b` binds `a`). Star imports bind nothing nameable.
    static func importedNames(_ facts: CellFacts) -> Set<String> {
        var names: Set<String> = []
        for fact in facts.imports {
            if let alias = fact.alias {
                names.insert(alias)
            } else if let name = fact.name {
                if name != "*" { names.insert(name) }
            } else if let first = fact.module.split(separator: ".").first {
                names.insert(String(first))
            }
        }
        return names
    }

    /// Lowering issues, including cells whose cell magic is not Python
    /// (`lowering.non-python-cell`), which stay out of the analysis.
    private func loweringDiagnostics(_ lowered: LoweredCell, cell: Cell, path: String) -> [Diagnostic] {
        lowered.issues.map { $0.diagnostic(path: path, cell: cell.index) }
    }

    private func syntaxDiagnostics(_ analysis: PythonAnalysis, cell: Cell, path: String) -> [Diagnostic] {
        analysis.diagnostics.map { issue in
            Diagnostic.error("python.syntax", issue.message,
                             at: SourceLocation(path: path, cell: cell.index, line: issue.line, column: issue.column),
                             notes: ["the rest of the notebook is still analysed"])
        }
    }
}
