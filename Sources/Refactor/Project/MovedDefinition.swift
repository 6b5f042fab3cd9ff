/// A `def` or `class` statement moved whole out of a cell into a module, or a global that
/// moved functions read, lifted to module level (`rng = np.random.RandomState(1)`).
public struct MovedDefinition: Sendable, Equatable, Codable {
    /// What was moved.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// `def`.
        case function
        /// `class`.
        case `class`
        /// A module-level assignment.
        case global
    }

    /// The function, class or global name.
    public var name: String
    /// What was moved.
    public var kind: Kind
    /// The 0-based cell it came from.
    public var cell: Int
    /// The statement's text exactly as in the cell (decorators and leading comments included),
    /// at its original indentation (column 0).
    public var source: String
    /// Config constants it reads (imported from `config`).
    public var configNames: [String]
    /// Globals it reads that a pipeline stage computes: state the refactor cannot lift
    /// safely, reported as `project.function-reads-stage-global`. They are left as they are.
    public var stageGlobals: [String]

    /// Creates a moved definition.
    public init(name: String, kind: Kind, cell: Int, source: String, configNames: [String], stageGlobals: [String]) {
        self.name = name
        self.kind = kind
        self.cell = cell
        self.source = source
        self.configNames = configNames
        self.stageGlobals = stageGlobals
    }
}
