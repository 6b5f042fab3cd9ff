import Requirements

/// The project's pins, split by what needs them. Every one is `name==version`.
public struct ProjectRequirements: Sendable, Equatable {
    /// The Python version they were resolved for.
    public var pythonVersion: PythonVersion
    /// What the pipeline modules and the serving API import, plus what the notebook installs
    /// without importing: `requirements.txt` and `[project] dependencies`.
    public var runtime: [PinnedRequirement]
    /// What only the exploration cells import: the `explore` extra.
    public var explore: [PinnedRequirement]
    /// What the generated tests need beyond the runtime (pytest, httpx): the `dev` extra.
    public var dev: [PinnedRequirement]
    /// Modules next to the notebook that it imports; copied into `src/`.
    public var localModules: [LocalModule]

    /// Creates a split.
    public init(pythonVersion: PythonVersion, runtime: [PinnedRequirement], explore: [PinnedRequirement], dev: [PinnedRequirement], localModules: [LocalModule]) {
        self.pythonVersion = pythonVersion
        self.runtime = runtime
        self.explore = explore
        self.dev = dev
        self.localModules = localModules
    }

    /// `requirements.txt`: a header, then the runtime pins sorted by normalised name.
    public var requirementsTxt: String {
        ResolvedRequirements.requirementsTxt(runtime, pythonVersion: pythonVersion)
    }

    /// Whether a runtime pin has this normalised name.
    /// - Parameter name: A normalised distribution name (`scikit-learn`).
    /// - Returns: Whether the runtime needs it.
    public func runtimeNeeds(_ name: String) -> Bool {
        runtime.contains { $0.name == name }
    }
}
