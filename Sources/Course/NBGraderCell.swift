import Notebook

/// A cell's `metadata.nbgrader`, as far as a student version depends on it.
public struct NBGraderCell: Sendable, Equatable, Codable {
    /// Whether the cell has an `nbgrader` metadata object at all.
    public var present: Bool
    /// `solution`: the student writes this cell (whole cell replaced when it has no markers).
    public var solution: Bool
    /// `grade`: an autograded or manually graded cell.
    public var grade: Bool
    /// `locked`: students cannot edit it; it may not contain a solution.
    public var locked: Bool
    /// `task`: a markdown task description; kept as it is.
    public var task: Bool

    /// Reads the flags from a cell's metadata (missing or non-boolean flags are `false`).
    /// - Parameter metadata: The cell's `metadata` object.
    public init(metadata: JSONValue?) {
        let nbgrader = metadata?["nbgrader"]
        func flag(_ key: String) -> Bool {
            if case .bool(let value)? = nbgrader?[key] { return value }
            return false
        }
        present = nbgrader?.objectValue != nil
        solution = flag("solution")
        grade = flag("grade")
        locked = flag("locked")
        task = flag("task")
    }
}
