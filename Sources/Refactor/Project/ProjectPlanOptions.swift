/// Choices for ``ProjectPlanner``.
public struct ProjectPlanOptions: Sendable, Equatable {
    /// The package name; `nil` derives it from the notebook's file name.
    public var packageName: String?
    /// The notebook's folder, to resolve and measure the data files it reads; `nil` skips
    /// the file system (every file is then recorded as missing).
    public var notebookDirectory: String?
    /// Whether stage functions also return the values exploration cells read (so
    /// `notebooks/explore.ipynb` can get `df` from `load_data()`); off by default, keeping
    /// signatures to what the pipeline needs.
    public var returnExplorationInputs: Bool

    /// Creates options.
    /// - Parameters:
    ///   - packageName: An explicit package name (made PEP 8 safe).
    ///   - notebookDirectory: The folder data paths are relative to.
    ///   - returnExplorationInputs: Whether functions also return what exploration reads.
    public init(packageName: String? = nil, notebookDirectory: String? = nil, returnExplorationInputs: Bool = false) {
        self.returnExplorationInputs = returnExplorationInputs
        self.packageName = packageName
        self.notebookDirectory = notebookDirectory
    }
}
