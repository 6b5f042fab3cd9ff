import Diagnostics

/// Finds state a notebook only has when its cells ran in an order other than top to bottom:
/// execution counts out of order, names read before any cell defines them.
struct HiddenStateCheck: Sendable {
    func check(_ analysis: NotebookAnalysis) -> [Diagnostic] {
        executionOrder(analysis) + readsBeforeDefinition(analysis)
    }

    /// Saved execution counts that go down from one code cell to the next.
    private func executionOrder(_ analysis: NotebookAnalysis) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var previous: (count: Int, cell: Int)? = nil
        for cell in analysis.codeCells {
            guard let count = cell.cell.executionCount else { continue }
            if let previous, count <= previous.count {
                result.append(.warning(
                    "notebook.execution-order",
                    "this cell ran before the cell above it (execution count \(count) after \(previous.count) in cell \(previous.cell)): the saved results may not come from running top to bottom",
                    at: SourceLocation(path: analysis.path, cell: cell.index, line: 1, column: 1)))
            }
            previous = (count, cell.index)
        }
        return result
    }

    /// Names read by a cell that no earlier cell (nor the cell itself) defines.
    private func readsBeforeDefinition(_ analysis: NotebookAnalysis) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var firstDefinition: [String: Int] = [:]
        var starImportCells: [Int] = []
        for cell in analysis.codeCells {
            guard let facts = cell.facts else { continue }
            for name in facts.defines where firstDefinition[name] == nil {
                firstDefinition[name] = cell.index
            }
        }
        var definedSoFar: Set<String> = []
        for cell in analysis.codeCells {
            guard let facts = cell.facts, let python = cell.python else { continue }
            if facts.imports.contains(where: { $0.name == "*" }) {
                starImportCells.append(cell.index)
            }
            let own = Set(facts.defines)
            for name in facts.reads where !definedSoFar.contains(name) && !own.contains(name) {
                if PythonBuiltins.ipythonNamespace.contains(name) || PythonBuiltins.names.contains(name) {
                    continue
                }
                let spot = IdentifierLocator.firstOccurrence(of: name, in: python) ?? (1, 1)
                let location = SourceLocation(path: analysis.path, cell: cell.index, line: spot.line, column: spot.column)
                if let later = firstDefinition[name] {
                    result.append(.warning(
                        "notebook.used-before-defined",
                        "'\(name)' is read here but first defined in cell \(later), further down: this works only when cells run out of order",
                        at: location))
                } else if let star = starImportCells.last {
                    result.append(.note(
                        "notebook.undefined-name",
                        "'\(name)' is not defined in this notebook; it may come from the star import in cell \(star)",
                        at: location))
                } else {
                    result.append(.warning(
                        "notebook.undefined-name",
                        "'\(name)' is read but no cell defines it: it existed only in the kernel's hidden state",
                        at: location))
                }
            }
            definedSoFar.formUnion(own)
        }
        return result
    }
}
