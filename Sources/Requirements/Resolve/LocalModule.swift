/// A module that lives next to the notebook and is copied into the package, never required.
public struct LocalModule: Sendable, Hashable, Codable {
    /// The import name as written (`helpers`, `.helpers`, `utils.plotting`).
    public var importName: String
    /// The path of the file or package folder, relative to the notebook's folder
    /// (`helpers.py`, `utils/`), or `nil` for a relative import that names no file there.
    public var path: String?

    /// Creates a local module.
    /// - Parameters:
    ///   - importName: The import name.
    ///   - path: The relative path, if one was found.
    public init(importName: String, path: String?) {
        self.importName = importName
        self.path = path
    }
}
