/// A project template: its manifest and its files, in memory.
public struct Template: Sendable, Hashable, Codable {
    /// The parsed `template.toml`.
    public var manifest: TemplateManifest
    /// Every file of the folder except the manifest, sorted by path.
    public var sources: [TemplateSource]
    /// The folder it was loaded from, as named in diagnostics.
    public var directory: String

    /// Creates a template.
    public init(manifest: TemplateManifest, sources: [TemplateSource], directory: String) {
        self.manifest = manifest
        self.sources = sources.sorted { $0.path < $1.path }
        self.directory = directory
    }

    /// The template's name.
    public var name: String { manifest.name }
}
