/// A line of an instructor's notebook that students must not see: inside a solution
/// region (or a whole solution cell) or a hidden-tests region.
public struct SecretLine: Sendable, Hashable, Codable {
    /// Where it is, for messages: `line 4 of cell 2` or `line 4 of src/pkg/data.py`.
    public var place: String {
        if let cell { return "line \(line) of cell \(cell)" }
        return "line \(line) of \(file ?? "the solution")"
    }

    /// Which kind of region it came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        case solution
        case hiddenTests = "hidden-tests"
    }

    /// The line with surrounding whitespace removed (never empty).
    public var text: String
    /// The 0-based index of the cell in the solution notebook (`nil` in a plain file).
    public var cell: Int?
    /// The solution file, for a line of a plain file (`nil` in a notebook).
    public var file: String?
    /// The 1-based line inside that cell's source.
    public var line: Int
    /// The region it came from.
    public var origin: Origin

    /// Creates a secret line.
    public init(text: String, cell: Int?, file: String? = nil, line: Int, origin: Origin) {
        self.text = text
        self.cell = cell
        self.file = file
        self.line = line
        self.origin = origin
    }
}
