/// A value an evaluation cell displayed (its last expression: `model.score(X_test, y_test)`),
/// which `evaluate()` keeps in its `metrics` dictionary and `train.main()` writes to
/// `artifacts/metrics.json`.
public struct PlanMetric: Sendable, Equatable, Codable {
    /// The 0-based cell that displayed it.
    public var cell: Int
    /// The key in `metrics` (`model_score`, `accuracy_score`; `_2` for a second one).
    public var key: String
    /// The stage function that computes it.
    public var function: String

    /// Creates a metric.
    public init(cell: Int, key: String, function: String) {
        self.cell = cell
        self.key = key
        self.function = function
    }
}
