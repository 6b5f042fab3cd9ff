/// A value `train.main()` saves and `inference.load_model(path)` loads.
public struct ModelArtifact: Sendable, Equatable, Codable {
    /// How it is written.
    public enum Format: String, Sendable, Equatable, Codable {
        /// `joblib.dump` / `joblib.load` (when the notebook uses scikit-learn or joblib).
        case joblib
        /// `pickle.dump` / `pickle.load` (the standard library; otherwise).
        case pickle
    }

    /// The variable (`model`).
    public var name: String
    /// The function that returns it (`train`).
    public var producedBy: String
    /// The stage functions that read it (`evaluate`, `predict_sample`).
    public var readBy: [String]
    /// The path relative to the project root (`artifacts/model.joblib`).
    public var path: String
    /// The format.
    public var format: Format

    /// Creates an artifact.
    public init(name: String, producedBy: String, readBy: [String], path: String, format: Format) {
        self.name = name
        self.producedBy = producedBy
        self.readBy = readBy
        self.path = path
        self.format = format
    }
}
