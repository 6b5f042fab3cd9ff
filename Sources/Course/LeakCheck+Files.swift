import Diagnostics
import Emit
import Notebook

extension LeakCheck {
    /// Finds leaks in a set of student files: a notebook (`.ipynb`) is checked cell by cell
    /// (locations name the cell), every other file line by line.
    /// - Parameter files: The student files; their paths are used in the locations.
    /// - Returns: One `course.leak` error per leaking line, in file order.
    public func leaks(in files: [GeneratedFile]) -> [Diagnostic] {
        files.flatMap { file -> [Diagnostic] in
            guard file.path.hasSuffix(".ipynb"), case .success(let root) = JSONTreeParser.parse(Array(file.contents.utf8)),
                  case .array(let cells)? = root["cells"] else {
                return leaks(in: file.contents, path: file.path)
            }
            return cells.enumerated().flatMap { index, cell in
                leaks(in: StudentVersion.joinedSource(cell["source"]), path: file.path, cell: index)
            }
        }
    }

    /// The error to throw for a list of leaks: the first one, with the others' locations in a note.
    /// - Parameter leaks: What ``leaks(in:path:cell:)`` or ``leaks(in:)`` found.
    /// - Returns: The error, or `nil` when there is no leak.
    public static func error(for leaks: [Diagnostic]) -> DiagnosticError? {
        guard var first = leaks.first else { return nil }
        if leaks.count > 1 {
            first.notes.append("\(leaks.count - 1) more leaking line(s): " + leaks.dropFirst().compactMap { $0.location?.rendered }.joined(separator: ", "))
        }
        return DiagnosticError(first)
    }
}
