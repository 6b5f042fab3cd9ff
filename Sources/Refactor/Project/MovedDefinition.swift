/// A `def` or `class` statement moved whole out of a cell into a module.
public struct MovedDefinition: Sendable, Equatable, Codable {
    /// The function or class name.
    public var name: String
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
    public init(name: String, cell: Int, source: String, configNames: [String], stageGlobals: [String]) {
        self.name = name
        self.cell = cell
        self.source = source
        self.configNames = configNames
        self.stageGlobals = stageGlobals
    }
}
