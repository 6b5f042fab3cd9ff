/// The module a cell's code belongs to in the generated project.
public enum Stage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Imports and configuration (literals, papermill parameters).
    case setup
    /// Loading and preparing data.
    case data
    /// Model construction: estimators, networks, the functions and classes they use.
    case model
    /// Fitting the model.
    case train
    /// Metrics, cross-validation, reports.
    case evaluate
    /// Predicting on new data.
    case inference
    /// Plots, displays and other exploration, kept out of the pipeline.
    case explore

    /// Pipeline order: setup < data < model < train < evaluate < inference < explore.
    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        let order = Stage.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// Whether the stage's code enters the pipeline modules (everything but exploration).
    public var isPipeline: Bool { self != .explore }
}
