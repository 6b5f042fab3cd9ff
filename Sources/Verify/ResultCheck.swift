/// One value the notebook recorded that the project must reproduce: a line a pipeline cell
/// printed, which `train.main()` must print again.
public struct ResultCheck: Sendable, Equatable, Codable {
    /// The 0-based cell that printed it.
    public var cell: Int
    /// The recorded line.
    public var line: OutputLine
    /// How many lines with the same skeleton the pipeline prints before it (0 for the first).
    public var occurrence: Int
    /// Why the value is checked by range only (unseeded randomness it depends on), or `nil`
    /// when it is compared to the digits printed.
    public var unseeded: String?

    /// Creates a check.
    public init(cell: Int, line: OutputLine, occurrence: Int, unseeded: String? = nil) {
        self.cell = cell
        self.line = line
        self.occurrence = occurrence
        self.unseeded = unseeded
    }
}
