import Diagnostics

/// What ``NotebookReader`` returns: the notebook and the recoverable problems found.
public struct ReadResult: Sendable, Equatable {
    /// The notebook, in the nbformat 4 model.
    public var notebook: Notebook
    /// Warnings (an upgraded format, missing cell ids, a Python 2 kernel, …), in file order.
    public var warnings: [Diagnostic]

    /// Creates a result.
    /// - Parameters:
    ///   - notebook: The notebook.
    ///   - warnings: Recoverable problems.
    public init(notebook: Notebook, warnings: [Diagnostic]) {
        self.notebook = notebook
        self.warnings = warnings
    }
}
