import Diagnostics
import Emit

/// The starter version of a solution *project*: the same nbgrader markers as in notebooks,
/// applied to generated files (for `nbship convert --student`, or an instructor's own
/// project), then leak-checked across every file.
///
/// In a Python file a solution region becomes `# YOUR CODE HERE` / `raise NotImplementedError()`
/// at its indentation, so modules still import and their functions raise when called; in a
/// Markdown file it becomes `YOUR ANSWER HERE`. Hidden-tests regions are removed.
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
            let scanner = MarkerScanner(path: file.path, cell: nil, markdown: file.path.hasSuffix(".md"))
            let rewrite = try scanner.rewrite(file.contents)
            secrets += rewrite.secrets
            visible.formUnion(rewrite.visibleLines)
            if rewrite.source != file.contents { changed.append(file.path) }
            files.append(GeneratedFile(path: file.path, contents: rewrite.source, executable: file.executable))
        }
        let check = LeakCheck(secrets: secrets, visible: visible)
        let leaks = files.flatMap { check.leaks(in: $0.contents, path: $0.path) }
        if var first = leaks.first {
            if leaks.count > 1 {
                first.notes.append("\(leaks.count - 1) more leaking line(s): " + leaks.dropFirst().compactMap { $0.location?.rendered }.joined(separator: ", "))
            }
            throw DiagnosticError(first)
        }
        return StarterProject(files: files, secrets: secrets, changed: changed)
    }
}
