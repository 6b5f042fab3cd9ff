import Diagnostics
import Notebook
import Refactor
@testable import Verify

/// Builds notebooks from cells with recorded outputs and runs the verify stage on them.
enum VerifySupport {
    /// A code cell: its source, its stdout (if any), its displayed value (if any), and its
    /// execution count (the cell's position + 1 unless given).
    struct CodeCell {
        var source: String
        var stdout: String?
        var result: String?
        var error: Bool = false
        var count: Int?
    }

    static func cell(_ source: String, prints stdout: String? = nil, shows result: String? = nil, raises error: Bool = false, count: Int? = nil) -> CodeCell {
        CodeCell(source: source, stdout: stdout, result: result, error: error, count: count)
    }

    /// The notebook, with outputs as nbformat 4 JSON (a source starting with `## ` is a markdown heading cell).
    static func notebook(_ cells: [CodeCell]) -> Notebook {
        let values = cells.enumerated().map { index, cell -> Cell in
            if cell.source.hasPrefix("## ") { return Cell(index: index, kind: .markdown, source: cell.source) }
            var outputs: [String] = []
            if let stdout = cell.stdout {
                outputs.append(#"{"output_type": "stream", "name": "stdout", "text": \#(json(stdout))}"#)
            }
            if let result = cell.result {
                outputs.append(#"{"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": \#(json(result))}}"#)
            }
            if cell.error {
                outputs.append(#"{"output_type": "error", "ename": "ValueError", "evalue": "x", "traceback": []}"#)
            }
            return Cell(index: index, kind: .code, source: cell.source, executionCount: cell.count ?? index + 1,
                        outputs: RawJSON(unchecked: "[" + outputs.joined(separator: ",") + "]"))
        }
        return Notebook(nbformat: 4, nbformatMinor: 5, kernel: KernelInfo(name: "python3", language: "python"), cells: values)
    }

    /// Plans the notebook and its checks.
    static func results(_ cells: [CodeCell]) -> (NotebookResults, [Diagnostic], ProjectPlan) {
        let plan = Planner().plan(notebook(cells), path: "nb.ipynb")
        let (project, _) = ProjectPlanner().plan(plan)
        let (results, diagnostics) = ResultsPlanner().plan(plan, project: project)
        return (results, diagnostics, project)
    }

    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
