/// A file the notebook reads (`pd.read_csv("data/x.csv")`).
public struct DataFile: Sendable, Equatable, Codable {
    /// The config constant that names it.
    public var configName: String
    /// The path as the notebook wrote it.
    public var notebookPath: String
    /// The path relative to the notebook's folder, normalised (`data/x.csv`).
    public var resolvedPath: String
    /// The path inside the project's data folder (`x.csv`).
    public var projectPath: String
    /// Whether the file exists next to the notebook (`false` when the notebook writes it
    /// itself or it was not found).
    public var exists: Bool
    /// Its size in bytes, when it exists.
    public var size: Int?
    /// The call that reads it (`pd.read_csv`).
    public var readBy: String

    /// Creates a data file.
    public init(configName: String, notebookPath: String, resolvedPath: String, projectPath: String, exists: Bool, size: Int?, readBy: String) {
        self.configName = configName
        self.notebookPath = notebookPath
        self.resolvedPath = resolvedPath
        self.projectPath = projectPath
        self.exists = exists
        self.size = size
        self.readBy = readBy
    }
}
