/// Everything ``RequirementsResolver`` needs from `convert`.
public struct RequirementsInput: Sendable, Hashable, Codable {
    /// Every import of the notebook (duplicates are fine).
    public var imports: [ImportedModule]
    /// Specs from `!pip install` / `%pip install` lines, in notebook order.
    public var installSpecs: [StatedRequirement]
    /// `--require NAME==VERSION` values: exact pins that win over everything else.
    public var overrides: [StatedRequirement]
    /// The Python version the project targets.
    public var pythonVersion: PythonVersion
    /// The notebook's folder, where local modules live (`nil`: look for none).
    public var notebookDirectory: String?
    /// Folders the notebook adds to `sys.path`, relative to its folder (or absolute), searched
    /// for local modules after the notebook's folder.
    public var moduleSearchPaths: [String] = []
    /// Modules named on the command line (`--local PATH`): top-level name → path.
    public var explicitLocals: [String: String] = [:]

    /// Creates an input.
    /// - Parameters:
    ///   - imports: The notebook's imports.
    ///   - installSpecs: Specs from install lines.
    ///   - overrides: `--require` values.
    ///   - pythonVersion: The target Python version.
    ///   - notebookDirectory: The notebook's folder.
    public init(
        imports: [ImportedModule], installSpecs: [StatedRequirement] = [], overrides: [StatedRequirement] = [],
        pythonVersion: PythonVersion, notebookDirectory: String? = nil
    ) {
        self.imports = imports
        self.installSpecs = installSpecs
        self.overrides = overrides
        self.pythonVersion = pythonVersion
        self.notebookDirectory = notebookDirectory
    }
}
