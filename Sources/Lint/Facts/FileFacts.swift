import Diagnostics

/// Everything the rules look at in one file: the images it names and the packages it installs,
/// plus what the extractor could not make sense of.
public struct FileFacts: Sendable {
    /// The file, as the user named it.
    public var path: String
    /// The images the file names.
    public var images: [ImageUse] = []
    /// The packages the file installs.
    public var installs: [PackageInstall] = []
    /// The actions, reusable workflows and CI includes the file fetches by reference.
    public var actions: [ActionUse] = []
    /// Requirements files that include each other in a loop: where the loop closes, and the chain.
    public var includeCycles: [IncludeCycle] = []
    /// Problems met while reading the file (syntax errors and the like).
    public var problems: [Diagnostic] = []
    /// The ignore comments found in the file.
    public var ignores: [IgnoreDirective] = []
    /// For a line inside a multi-line statement (a continued Dockerfile instruction), the
    /// line the statement starts on; keyed by cell (`-1` outside notebooks) and line.
    public var statementStarts: [LineKey: Int] = [:]

    /// Creates empty facts for a file.
    /// - Parameter path: The file, as the user named it.
    public init(path: String) {
        self.path = path
    }
}

/// A line in a file or in a notebook cell.
public struct LineKey: Sendable, Hashable {
    /// The 0-based cell index, or `-1` outside notebooks.
    public var cell: Int
    /// The 1-based line.
    public var line: Int

    /// Creates a key.
    /// - Parameters:
    ///   - cell: The cell index, or `nil` outside notebooks.
    ///   - line: The 1-based line.
    public init(cell: Int?, line: Int) {
        self.cell = cell ?? -1
        self.line = line
    }
}
