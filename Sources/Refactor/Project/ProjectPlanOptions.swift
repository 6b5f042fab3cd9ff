/// Choices for ``ProjectPlanner``.
public struct ProjectPlanOptions: Sendable, Equatable {
    /// The package name; `nil` derives it from the notebook's file name.
    public var packageName: String?
    /// The notebook's folder, to resolve and measure the data files it reads; `nil` skips
    /// the file system (every file is then recorded as missing).
    public var notebookDirectory: String?

    /// Creates options.
    /// - Parameters:
    ///   - packageName: An explicit package name (made PEP 8 safe).
    ///   - notebookDirectory: The folder data paths are relative to.
    public init(packageName: String? = nil, notebookDirectory: String? = nil) {
        self.packageName = packageName
        self.notebookDirectory = notebookDirectory
    }
}
