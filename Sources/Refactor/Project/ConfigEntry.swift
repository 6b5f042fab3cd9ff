/// One constant in `config.py`.
public struct ConfigEntry: Sendable, Equatable, Codable {
    /// Where the constant comes from.
    public enum Origin: String, Sendable, Equatable, Codable {
        /// A literal assigned once in the notebook (`SEED = 42`).
        case literal
        /// A papermill `parameters` cell.
        case parameter
        /// A data file path the notebook reads, now relative to `DATA_DIR`.
        case dataPath = "data-path"
    }

    /// The name (`SEED`, `DATA_PATH`).
    public var name: String
    /// The Python expression to assign, ready to render (`42`, `str(DATA_DIR / "churn.csv")`).
    public var value: String
    /// Where it comes from.
    public var origin: Origin
    /// The 0-based cell it was lifted from (`nil` for a path literal that had no name).
    public var cell: Int?

    /// Creates an entry.
    public init(name: String, value: String, origin: Origin, cell: Int?) {
        self.name = name
        self.value = value
        self.origin = origin
        self.cell = cell
    }

    /// `NAME = value`.
    public var line: String { "\(name) = \(value)" }
}
