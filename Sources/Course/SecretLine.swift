/// A line of an instructor's notebook that students must not see: inside a solution
/// region (or a whole solution cell) or a hidden-tests region.
public struct SecretLine: Sendable, Hashable, Codable {
    /// Which kind of region it came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        case solution
        case hiddenTests = "hidden-tests"
    }

    /// The line with surrounding whitespace removed (never empty).
    public var text: String
    /// The 0-based index of the cell in the solution notebook.
    public var cell: Int
    /// The 1-based line inside that cell's source.
    public var line: Int
    /// The region it came from.
    public var origin: Origin

    /// Creates a secret line.
    public init(text: String, cell: Int, line: Int, origin: Origin) {
        self.text = text
        self.cell = cell
        self.line = line
        self.origin = origin
    }
}
