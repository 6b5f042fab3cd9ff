/// One file of a template folder, before rendering.
public struct TemplateSource: Sendable, Hashable, Codable {
    /// The path inside the template folder, `/`-separated; may contain tags (`src/{{package}}/data.py`).
    public var path: String
    /// The file's text, a Mustache template.
    public var text: String
    /// Whether the source file is executable (kept in the output).
    public var executable: Bool

    /// Creates a source file.
    public init(path: String, text: String, executable: Bool = false) {
        self.path = path
        self.text = text
        self.executable = executable
    }
}
