// TEMPORARY contract stub — replaced by the notebook branch at merge.
import Diagnostics
import Foundation

public struct ReadResult: Sendable { public var notebook: Notebook; public var warnings: [Diagnostic] }
public struct NotebookReader: Sendable {
    public init() {}
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> ReadResult {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let cells = object["cells"] as? [[String: Any]] else {
            throw DiagnosticError(.error("notebook.invalid-json", "invalid", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var out: [Cell] = []
        for (i, c) in cells.enumerated() {
            let src = (c["source"] as? [String])?.joined() ?? (c["source"] as? String) ?? ""
            let kind: CellKind = (c["cell_type"] as? String) == "code" ? .code : ((c["cell_type"] as? String) == "markdown" ? .markdown : .raw)
            let tags = ((c["metadata"] as? [String: Any])?["tags"] as? [String]) ?? []
            out.append(Cell(index: i, kind: kind, source: src, tags: tags, executionCount: c["execution_count"] as? Int))
        }
        return ReadResult(notebook: Notebook(nbformat: 4, nbformatMinor: 5, kernel: KernelInfo(name: "python3", language: "python"), cells: out), warnings: [])
    }
}
