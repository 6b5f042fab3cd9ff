/// A recorded value that did not become a check, with the reason.
public struct UncheckedOutput: Sendable, Equatable, Codable {
    /// Why a recorded value is not checked.
    public enum Reason: String, Sendable, Equatable, Codable, CaseIterable {
        /// The cell, or the statement that printed it, is exploration: the project does not run it.
        case exploration
        /// The cell is not part of training (inference code runs in `inference.main()`).
        case notTraining
        /// The cell's last expression, displayed: bare values go to the exploration notebook.
        case displayedValue
        /// No `print` of the cell's code writes this line: a library's own output (progress
        /// bars, logs) or an output the notebook produced but its code no longer does.
        case notPrintedByCode
        /// The cell was run after a later cell, so its output may come from another state.
        case outOfOrder
        /// The cell raised an exception in the recorded run.
        case cellRaised
        /// The value depends on the clock.
        case clock

        /// For people.
        public var explanation: String {
            switch self {
            case .exploration: "an output of exploration code, which the project does not run"
            case .notTraining: "an output of inference code, not of training"
            case .displayedValue: "a displayed value (the cell's last expression), kept in the exploration notebook"
            case .notPrintedByCode: "not printed by the cell's code: a library's own output, or an output the notebook produced but its code no longer does"
            case .outOfOrder: "the cell ran after a later cell, so its output may come from another state"
            case .cellRaised: "the cell raised an exception when it was recorded"
            case .clock: "depends on the clock"
            }
        }
    }

    /// The 0-based cell.
    public var cell: Int
    /// The recorded text (one line, or a displayed value).
    public var text: String
    /// Why it is not checked.
    public var reason: Reason

    /// Creates an unchecked output.
    public init(cell: Int, text: String, reason: Reason) {
        self.cell = cell
        self.text = text
        self.reason = reason
    }
}
