/// One generated Python module (`src/PKG/<name>.py`).
public struct ProjectModule: Sendable, Equatable, Codable {
    /// The module name: `common`, `data`, `model`, `train` or `inference`.
    public var name: String
    /// The notebook stages whose code it holds (`train` holds train and evaluate).
    public var stages: [Stage]
    /// Import lines, sorted: third-party imports as the notebook wrote them, then the
    /// package's own (`from .config import SEED`, `from .common import keep`).
    public var imports: [String]
    /// Functions and classes moved here whole, in notebook order.
    public var definitions: [MovedDefinition]
    /// The stage functions, in pipeline order.
    public var functions: [StageFunction]

    /// Creates a module.
    public init(name: String, stages: [Stage], imports: [String], definitions: [MovedDefinition], functions: [StageFunction]) {
        self.name = name
        self.stages = stages
        self.imports = imports
        self.definitions = definitions
        self.functions = functions
    }

    /// Whether the notebook had no code for this module (it still gets a file that says so).
    public var isEmpty: Bool { definitions.isEmpty && functions.isEmpty }
}
