import Diagnostics
import Emit

/// The starter version of a solution *project*: the same nbgrader markers as in notebooks,
/// applied to generated files (for `nbship convert --student`, or an instructor's own
/// project), then leak-checked across every file.
///
/// In a Python file a solution region becomes `# YOUR CODE HERE` / `raise NotImplementedError()`
/// at its indentation, so modules still import and their functions raise when called; in a
/// Markdown file it becomes `YOUR ANSWER HERE`. Hidden-tests regions are removed. A notebook
/// (`.ipynb`) gets its student version (``StudentVersion``), when it has anything to hide.
public struct StarterProject: Sendable, Equatable {
    /// The starter files, in the order given.
    public var files: [GeneratedFile]
    /// The secret lines taken out of the solution files.
    public var secrets: [SecretLine]
    /// The paths of the files that changed.
    public var changed: [String]

    /// Makes the starter project.
    /// - Parameter solution: The solution project's files.
    /// - Returns: The starter project.
    /// - Throws: A located ``Diagnostics/DiagnosticError``: `course.unbalanced-marker`,
    ///   `course.nested-marker`, `course.marker-misplaced`, or `course.leak` when a solution
    ///   line is still in any starter file.
    public static func make(from solution: [GeneratedFile]) throws(DiagnosticError) -> StarterProject {
        var files: [GeneratedFile] = []
        var secrets: [SecretLine] = []
        var visible: Set<String> = []
        var changed: [String] = []
        for file in solution {
            let contents: String
            if file.path.hasSuffix(".ipynb") {
                // A notebook of the project gets its student version (the markers are in cells).
                let student = try StudentVersion().make(from: Array(file.contents.utf8), path: file.path)
                secrets += student.secrets
                visible.formUnion(student.visibleLines)
                contents = student.solutionCells.isEmpty && student.hiddenTestCells.isEmpty ? file.contents : student.text
            } else {
                let scanner = MarkerScanner(path: file.path, cell: nil, markdown: file.path.hasSuffix(".md"))
                let rewrite = try scanner.rewrite(file.contents)
                secrets += rewrite.secrets
                visible.formUnion(rewrite.visibleLines)
                contents = rewrite.source
            }
            if contents != file.contents { changed.append(file.path) }
            files.append(GeneratedFile(path: file.path, contents: contents, executable: file.executable))
        }
        let check = LeakCheck(secrets: secrets, visible: visible)
        if let leak = LeakCheck.error(for: check.leaks(in: files)) {
            throw leak
        }
        return StarterProject(files: files, secrets: secrets, changed: changed)
    }
}
