import Diagnostics
import Notebook

/// Makes the student version of an instructor's solution notebook (nbgrader markers).
///
/// - Code cells: solution regions become `# YOUR CODE HERE` / `raise NotImplementedError()`
///   at the region's indentation; hidden-tests regions are removed; a cell with
///   `metadata.nbgrader.solution == true` and no markers is replaced whole by the stub.
/// - Markdown cells: solution regions, or a whole solution cell, become `YOUR ANSWER HERE`.
/// - Outputs and execution counts of code cells are cleared; every other key is kept, and
///   the notebook is written the way Jupyter writes it.
/// - `metadata.nbgrader` is respected: markers in a cell whose nbgrader metadata does not
///   mark it a solution, or a locked solution cell, are errors; as nbgrader's LockCells does,
///   locked cells become `editable: false, deletable: false` and graded or solution cells
///   `deletable: false`. Markers in a cell without nbgrader metadata are honoured as well.
/// - The result is leak-checked (``LeakCheck``); a leak is an error.
public struct StudentVersion: Sendable {
    /// Creates the transformer.
    public init() {}

    /// Makes the student version.
    /// - Parameters:
    ///   - bytes: The solution notebook's file contents.
    ///   - path: The file name, for diagnostics.
    /// - Returns: The student notebook.
    /// - Throws: A located ``Diagnostics/DiagnosticError``: the reader's errors,
    ///   `course.unsupported-version`, `course.unbalanced-marker`, `course.nested-marker`,
    ///   `course.marker-misplaced`, `course.marker-outside-solution-cell`,
    ///   `course.locked-solution` or `course.leak` (the first leak; all are in its notes).
    public func make(from bytes: [UInt8], path: String) throws(DiagnosticError) -> StudentNotebook {
        let read = try NotebookReader(requirePython: false, allowEmpty: true).read(bytes, path: path)
        if let old = read.notebook.upgradedFrom {
            throw DiagnosticError(.error(
                "course.unsupported-version", "student versions need an nbformat 4 notebook, this one is \(old)",
                at: SourceLocation(path: path, line: 1, column: 1), notes: ["open and save it in Jupyter to upgrade it"]))
        }
        guard case .success(let root) = JSONTreeParser.parse(bytes), case .object(var top) = root,
              let cellsAt = top.lastIndex(where: { $0.key == "cells" }), case .array(var cells) = top[cellsAt].value else {
            throw DiagnosticError(.error("notebook.invalid-json", "cannot read the notebook's cells", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var secrets: [SecretLine] = []
        var visible: Set<String> = []
        var solutionCells: [Int] = []
        var hiddenCells: [Int] = []
        for index in cells.indices {
            guard case .object(var members) = cells[index], index < read.notebook.cells.count else { continue }
            let cell = read.notebook.cells[index]
            let markdown = cell.kind == .markdown
            let grader = NBGraderCell(metadata: cell.metadata)
            let scanner = MarkerScanner(path: path, cell: index, markdown: markdown)
            var rewrite = try scanner.rewrite(cell.source)
            if let marker = rewrite.firstSolutionMarker, grader.present, !grader.solution {
                throw DiagnosticError(.error(
                    "course.marker-outside-solution-cell", "solution region in a cell that metadata.nbgrader does not mark as a solution",
                    at: SourceLocation(path: path, cell: index, line: marker.line, column: marker.column),
                    notes: ["set metadata.nbgrader.solution to true, or remove the markers"]))
            }
            if grader.solution && grader.locked {
                throw DiagnosticError(.error(
                    "course.locked-solution", "a solution cell cannot be locked",
                    at: SourceLocation(path: path, cell: index, line: 1, column: 1),
                    notes: ["metadata.nbgrader has both \"solution\": true and \"locked\": true"]))
            }
            if grader.solution && !rewrite.replacedSolution && cell.kind != .raw {
                // A whole solution cell: every line is secret and the stub replaces it.
                for (number, (body, _)) in MarkerScanner.lines(of: rewrite.source).enumerated() {
                    let stripped = body.trimmingWhitespace()
                    if !stripped.isEmpty {
                        rewrite.secrets.append(SecretLine(text: stripped, cell: index, line: number + 1, origin: .solution))
                    }
                }
                rewrite.visibleLines = []
                rewrite.source = Stub.lines(markdown: markdown).joined(separator: "\n")
                rewrite.replacedSolution = true
            }
            if !cell.source.hasSuffix("\n"), rewrite.source.hasSuffix("\n") {
                // A region removed at the end leaves the line before it ending in a newline.
                rewrite.source.removeLast()
            }
            secrets += rewrite.secrets
            visible.formUnion(rewrite.visibleLines)
            if rewrite.replacedSolution { solutionCells.append(index) }
            if rewrite.removedHiddenTests { hiddenCells.append(index) }
            if rewrite.source != cell.source {
                members.set("source", to: .array(Self.sourceLines(rewrite.source).map(JSONValue.string)))
            }
            if grader.present, case .object(var metadata)? = cells[index]["metadata"] {
                // nbgrader's LockCells: read-only cells cannot be edited or deleted; graded and
                // solution cells cannot be deleted.
                if grader.locked && !grader.solution {
                    metadata.set("editable", to: .bool(false))
                    metadata.set("deletable", to: .bool(false))
                } else if grader.grade || grader.solution {
                    metadata.set("deletable", to: .bool(false))
                }
                members.set("metadata", to: .object(metadata))
            }
            if cell.kind == .code {
                members.set("outputs", to: .array([]))
                members.set("execution_count", to: .null)
            }
            cells[index] = .object(members)
        }
        top[cellsAt].value = .array(cells)
        let student = StudentNotebook(
            text: JupyterJSON.serialize(.object(top)), secrets: secrets,
            solutionCells: solutionCells, hiddenTestCells: hiddenCells, warnings: read.warnings, visibleLines: visible)
        try Self.checkLeaks(student, cells: cells, visible: visible, path: path)
        return student
    }

    /// Runs the leak check over the student cells' sources.
    private static func checkLeaks(_ student: StudentNotebook, cells: [JSONValue], visible: Set<String>, path: String) throws(DiagnosticError) {
        let check = LeakCheck(secrets: student.secrets, visible: visible)
        var leaks: [Diagnostic] = []
        for (index, cell) in cells.enumerated() {
            leaks += check.leaks(in: Self.joinedSource(cell["source"]), path: path, cell: index)
        }
        guard var first = leaks.first else { return }
        if leaks.count > 1 {
            first.notes.append("\(leaks.count - 1) more leaking line(s): " + leaks.dropFirst().compactMap { $0.location?.rendered }.joined(separator: ", "))
        }
        throw DiagnosticError(first)
    }

    /// A cell's `source` (a string or a list of strings) as one string.
    static func joinedSource(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return text
        case .array(let parts)?: return parts.compactMap(\.stringValue).joined()
        default: return ""
        }
    }

    /// Splits source the way nbformat stores it: lines, each keeping its newline.
    static func sourceLines(_ source: String) -> [String] {
        MarkerScanner.lines(of: source).map { String($0.0 + $0.1) }
    }
}

extension [JSONMember] {
    /// Sets (or adds) the member `key`, replacing every duplicate.
    mutating func set(_ key: String, to value: JSONValue) {
        removeAll { $0.key == key }
        append(JSONMember(key: key, value: value))
    }
}
