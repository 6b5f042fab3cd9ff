/// What `config.py` holds: constants lifted from the notebook and the data files it reads.
public struct ProjectConfig: Sendable, Equatable, Codable {
    /// The project folder data files are copied to or referenced from (`data`).
    public var dataDirectory: String
    /// The environment variable that overrides the data folder at run time; the folder is
    /// `config.DATA_DIR`, which data path entries are relative to.
    public var dataDirectoryVariable: String
    /// The environment variable that overrides the artifacts folder at run time
    /// (`CHURN_ARTIFACTS_DIR` beside `CHURN_DATA_DIR`).
    public var artifactsDirectoryVariable: String {
        dataDirectoryVariable.hasSuffix("_DATA_DIR")
            ? String(dataDirectoryVariable.dropLast("_DATA_DIR".count)) + "_ARTIFACTS_DIR"
            : dataDirectoryVariable + "_ARTIFACTS"
    }
    /// The project folder artifacts are saved to (`artifacts`); `config.ARTIFACTS_DIR` at run time.
    public var artifactsDirectory: String
    /// The constants, in notebook order.
    public var entries: [ConfigEntry]
    /// The files the notebook reads, in the order first read.
    public var dataFiles: [DataFile]

    /// Creates a config.
    public init(dataDirectory: String, dataDirectoryVariable: String, artifactsDirectory: String, entries: [ConfigEntry], dataFiles: [DataFile]) {
        self.dataDirectory = dataDirectory
        self.dataDirectoryVariable = dataDirectoryVariable
        self.artifactsDirectory = artifactsDirectory
        self.entries = entries
        self.dataFiles = dataFiles
    }
}
