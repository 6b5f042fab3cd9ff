/// The **verify** stage's output: what the notebook recorded in its outputs and how the
/// converted project proves it reproduces it.
public struct NotebookResults: Sendable, Equatable, Codable {
    /// Lines the project must print again, in notebook order.
    public var checks: [ResultCheck]
    /// Recorded values that are not checked, with the reason.
    public var unchecked: [UncheckedOutput]
    /// Calls that draw from an unseeded generator, in notebook order.
    public var unseeded: [UnseededDraw]
    /// Whether any code cell has saved outputs (a notebook saved without them gets a note
    /// instead of checks).
    public var hasOutputs: Bool

    /// Creates results.
    public init(checks: [ResultCheck] = [], unchecked: [UncheckedOutput] = [], unseeded: [UnseededDraw] = [], hasOutputs: Bool = false) {
        self.checks = checks
        self.unchecked = unchecked
        self.unseeded = unseeded
        self.hasOutputs = hasOutputs
    }

    /// Checks compared to the digits printed.
    public var exactCount: Int { checks.count { $0.unseeded == nil } }
    /// Checks by range only.
    public var boundedCount: Int { checks.count { $0.unseeded != nil } }

    /// How many recorded values were left unchecked for each reason, in the reasons' order.
    public var uncheckedCounts: [(reason: UncheckedOutput.Reason, count: Int)] {
        UncheckedOutput.Reason.allCases.compactMap { reason in
            let count = unchecked.count { $0.reason == reason }
            return count > 0 ? (reason, count) : nil
        }
    }
}
