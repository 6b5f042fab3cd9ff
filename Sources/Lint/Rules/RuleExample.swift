/// A file a rule must (or must not) flag. `↓` marks each spot a finding is expected;
/// the markers are removed before linting.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// The marker for an expected finding.
    public static let marker: Character = "↓"

    /// The file name, which decides how the file is read (`Dockerfile`, `requirements.txt`, …).
    public var fileName: String
    /// The file text with `↓` markers, or for a notebook one entry per code cell.
    public var cells: [String]
    /// Whether the text is a notebook built from `cells`.
    public var isNotebook: Bool
    /// Other files next to it (e.g. a `.env` or an included requirements file), without markers.
    public var neighbours: [String: String]
    /// The configuration to lint with (the rule under test is always enabled).
    public var configuration: LintConfiguration
    /// `true` when the neighbours are linted too (for rules that compare files).
    public var lintsNeighbours: Bool

    /// A plain file.
    /// - Parameters:
    ///   - fileName: The file's name.
    ///   - text: Its text with `↓` markers.
    ///   - neighbours: Other files beside it.
    ///   - configuration: The configuration to use.
    ///   - lintsNeighbours: Whether the neighbours are linted too.
    public init(
        _ fileName: String, _ text: String, neighbours: [String: String] = [:],
        configuration: LintConfiguration = LintConfiguration(), lintsNeighbours: Bool = false
    ) {
        self.lintsNeighbours = lintsNeighbours
        self.fileName = fileName
        self.cells = [text]
        self.isNotebook = false
        self.neighbours = neighbours
        self.configuration = configuration
    }

    /// A notebook made of the given code cells.
    /// - Parameter cells: Each code cell's source, with `↓` markers.
    /// - Returns: The example.
    public static func notebook(_ cells: [String]) -> RuleExample {
        var example = RuleExample("example.ipynb", "")
        example.cells = cells
        example.isNotebook = true
        return example
    }

    public var description: String { fileName + ": " + cells.joined(separator: " ‖ ") }
}
