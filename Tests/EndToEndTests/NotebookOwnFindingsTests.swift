import Foundation
import TestSupport
import Testing

/// Which ruff findings on a converted project are the notebook author's (reported apart) and
/// which are nbship's (failures).
@Suite struct NotebookOwnFindingsTests {
    /// A code cell whose source is stored as nbformat does: lines, each but the last ending in `\n`.
    static func cell(_ id: String, _ source: String) -> [String: Any] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stored = lines.enumerated().map { $0.offset == lines.count - 1 ? $0.element : $0.element + "\n" }
        return ["cell_type": "code", "id": id, "metadata": [String: Any](), "outputs": [Any](), "execution_count": NSNull(), "source": stored]
    }

    static func write(_ cells: [[String: Any]], to url: URL) throws {
        let json = try JSONSerialization.data(withJSONObject: ["cells": cells, "metadata": [String: Any](), "nbformat": 4, "nbformat_minor": 5])
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try json.write(to: url)
    }

    @Test func findingsNamingAnNbshipLineAreNbships() throws {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-own-findings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original.ipynb")
        try Self.write([Self.cell("a", "import math\ndef sigmoid(x):\n    return math.exp(x)"), Self.cell("b", "l = 1")], to: original)
        let project = folder.appendingPathComponent("project")
        try Self.write([
            ["cell_type": "markdown", "id": "explore-0", "metadata": [String: Any](), "source": ["# title"]],
            Self.cell("explore-1", "import math\nfrom pkg.model import sigmoid"),
            Self.cell("explore-2", "def sigmoid(x):\n    return math.exp(x)\nl = 1"),
        ], to: project.appendingPathComponent("notebooks/explore.ipynb"))
        let output = """
            notebooks/explore.ipynb:cell 2:1:8: F401 [*] `math` imported but unused
            notebooks/explore.ipynb:cell 3:1:5: F811 Redefinition of unused `sigmoid` from cell 2, line 2: `sigmoid` redefined here
            notebooks/explore.ipynb:cell 3:3:1: E741 Ambiguous variable name: `l`
            """
        // What ruff says on the original: the ambiguous name, and `l` again on a line nbship did not keep.
        let originalOutput = """
            original.ipynb:cell 2:1:1: E741 Ambiguous variable name: `l`
            original.ipynb:cell 1:2:5: F401 this finding's line text is different
            """
        let split = NotebookOwnFindings.split(output, project: project, notebook: original, notebookOutput: originalOutput)
        #expect(split.notebook == ["notebooks/explore.ipynb:cell 3:3:1: E741 Ambiguous variable name: `l`"])
        #expect(split.ours.count == 2)
        #expect(split.ours.allSatisfy { $0.contains("F401") || $0.contains("F811") })
        // Without the original's finding, even an author's line is nbship's.
        let alone = NotebookOwnFindings.split(output, project: project, notebook: original, notebookOutput: "")
        #expect(alone.notebook.isEmpty)
        #expect(alone.ours.count == 3)
    }
}
