import Diagnostics

/// The result of ``RequirementsResolver/resolve(_:)``: exact pins, local modules, and the
/// diagnostics that explain anything that could not be pinned.
public struct ResolvedRequirements: Sendable, Hashable, Codable {
    /// The target Python version.
    public var pythonVersion: PythonVersion
    /// One exact pin per distribution, sorted by normalised name.
    public var requirements: [PinnedRequirement]
    /// Every distinct import, in first-seen order, with what it is.
    public var imports: [ResolvedImport]
    /// Modules next to the notebook to copy into the package, sorted by import name.
    public var localModules: [LocalModule]
    /// Errors (nothing may be written), warnings and notes, in the order found.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(pythonVersion: PythonVersion, requirements: [PinnedRequirement], imports: [ResolvedImport], localModules: [LocalModule], diagnostics: [Diagnostic]) {
        self.pythonVersion = pythonVersion
        self.requirements = requirements
        self.imports = imports
        self.localModules = localModules
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (then the requirements are incomplete).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// The diagnostics with a given id.
    /// - Parameter id: A diagnostic id such as `requirements.unknown-import`.
    /// - Returns: The matching diagnostics.
    public func diagnostics(withID id: String) -> [Diagnostic] {
        diagnostics.filter { $0.id == id }
    }
}
