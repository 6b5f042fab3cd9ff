/// One import of the notebook and what it turned out to be.
public struct ResolvedImport: Sendable, Hashable, Codable {
    /// The import.
    public var module: ImportedModule
    /// What it is.
    public var resolution: ImportResolution

    /// Creates a resolved import.
    /// - Parameters:
    ///   - module: The import.
    ///   - resolution: What it is.
    public init(module: ImportedModule, resolution: ImportResolution) {
        self.module = module
        self.resolution = resolution
    }
}
