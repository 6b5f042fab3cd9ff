/// One file of a generated project, in memory: the boundary type of the **emit** stage.
///
/// Only the command-line layer writes these to disk (atomically).
public struct GeneratedFile: Sendable, Hashable, Codable {
    /// The path relative to the project root, with `/` separators.
    public var path: String
    /// The text of the file.
    public var contents: String
    /// Whether the file is executable (mode 0755 rather than 0644).
    public var executable: Bool

    /// Creates a file.
    /// - Parameters:
    ///   - path: Relative path with `/` separators.
    ///   - contents: The text.
    ///   - executable: `true` for a script.
    public init(path: String, contents: String, executable: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
    }
}
