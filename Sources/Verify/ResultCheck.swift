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
    /// The relative tolerance on top of the printed digits: 1e-6 for float64 code (BLAS kernels
    /// and CPU instruction sets change the last bits, iterative solvers amplify them), 1e-4 for
    /// values a float32 framework computed (PyTorch, TensorFlow: 7 significant digits, summed
    /// over many training steps).
    public var relativeTolerance: Double
    /// For a value the cell displayed (its last expression), the key `evaluate()` keeps it
    /// under in `metrics`; `nil` for a printed line.
    public var metric: String?

    /// Creates a check.
    public init(cell: Int, line: OutputLine, occurrence: Int, unseeded: String? = nil, relativeTolerance: Double = 1e-6,
                metric: String? = nil) {
        self.cell = cell
        self.line = line
        self.occurrence = occurrence
        self.unseeded = unseeded
        self.relativeTolerance = relativeTolerance
        self.metric = metric
    }
}
