/// What turns one raw record of the notebook's data file into the model's input: the
/// statements between reading the file and fitting the model that the model input depends on
/// (derived columns, encodings, column selection), replayed on the rows a client sends, so the
/// serving API takes the records the data file holds and applies the notebook's own feature
/// code (no training/serving skew).
///
/// Built by the planner by a backward slice from the fit's input: a split
/// (`X_train, … = train_test_split(X, y)`) is followed to its input (`X_train = X`), the read
/// of the data file (`df = pd.read_csv(PATH)`) ends the slice and becomes the parameter, and a
/// fitted transformer in between is used as saved (`scaler.transform`, never refitted).
public struct FeaturePreparation: Sendable, Equatable, Codable {
    /// The parameter: the name the notebook gives the raw frame (`df`).
    public var rawName: String
    /// The config constant of the data file read into it (`DATA_PATH`), when it is one.
    public var dataFile: String?
    /// The column the model learns to predict (`churned`), when the notebook selects it by a
    /// literal; a client does not send it.
    public var targetColumn: String?
    /// What the function returns: the model input's name at the fit (`X_train`).
    public var inputName: String
    /// `def prepare_features(df):`.
    public var signature: String
    /// The statements, four-space indented, ending in `return X_train`.
    public var body: String
    /// Import lines the statements need (external modules, config, definitions, in order).
    public var imports: [String]
    /// Artifacts the statements read (fitted transformers), loaded by the caller.
    public var artifacts: [String]

    /// Creates a preparation.
    public init(rawName: String, dataFile: String?, targetColumn: String?, inputName: String, signature: String, body: String,
                imports: [String], artifacts: [String]) {
        self.rawName = rawName
        self.dataFile = dataFile
        self.targetColumn = targetColumn
        self.inputName = inputName
        self.signature = signature
        self.body = body
        self.imports = imports
        self.artifacts = artifacts
    }
}
