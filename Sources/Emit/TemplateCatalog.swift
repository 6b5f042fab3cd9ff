import Diagnostics
import Foundation

/// The templates found on a ``TemplateSearchPath``: each folder's subfolders that hold a
/// `template.toml`, then (when the path includes them) the templates compiled into the binary.
/// A name found earlier hides the same name later.
public struct TemplateCatalog: Sendable {
    /// One template found.
    public struct Entry: Sendable, Equatable {
        /// The template's folder name (what `nbship new` takes).
        public var name: String
        /// Its folder; for a compiled-in template, `<built-in>/NAME` (named in diagnostics only).
        public var directory: String
        /// The description from its manifest (empty when the manifest cannot be read).
        public var description: String
        /// Which command renders it (`project` when the manifest cannot be read).
        public var kind: TemplateManifest.Kind = .project
        /// Whether it is a template compiled into the binary (``EmbeddedTemplates``) rather than a folder.
        public var isEmbedded = false

        /// Loads the template, from its folder or from the copy compiled into the binary.
        /// - Returns: The template.
        /// - Throws: The errors of ``Template/load(directory:)`` or ``EmbeddedTemplates/load(_:)``.
        public func load() throws(DiagnosticError) -> Template {
            isEmbedded ? try EmbeddedTemplates.load(name) : try Template.load(directory: directory)
        }
    }

    /// The templates, sorted by name.
    public var entries: [Entry]
    /// The folders the templates came from, in search order (existing folders only).
    public var searched: [String]
    /// Whether the templates compiled into the binary were searched (after the folders).
    public var searchedEmbedded: Bool

    /// Lists the templates on a search path.
    /// - Parameter searchPath: Where to look.
    public init(searchPath: TemplateSearchPath) {
        let manager = FileManager.default
        var byName: [String: Entry] = [:]
        var searched: [String] = []
        for folder in searchPath.folders {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            searched.append(folder)
            let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for name in names where byName[name] == nil {
                let directory = Template.displayPath(folder, name)
                let manifestPath = Template.displayPath(directory, Template.manifestName)
                guard let data = manager.contents(atPath: manifestPath) else { continue }
                let manifest = try? TemplateManifest.parse(toml: String(decoding: data, as: UTF8.self), path: manifestPath)
                byName[name] = Entry(name: name, directory: directory, description: manifest?.description ?? "",
                                     kind: manifest?.kind ?? .project)
            }
        }
        if searchPath.includesEmbedded {
            for name in EmbeddedTemplates.names where byName[name] == nil {
                let directory = EmbeddedTemplates.directory(of: name)
                let manifestText = EmbeddedTemplates.files(of: name)?.first { $0.path == Template.manifestName }?.text ?? ""
                let manifest = try? TemplateManifest.parse(toml: manifestText, path: Template.displayPath(directory, Template.manifestName))
                byName[name] = Entry(name: name, directory: directory, description: manifest?.description ?? "",
                                     kind: manifest?.kind ?? .project, isEmbedded: true)
            }
        }
        self.entries = byName.values.sorted { $0.name < $1.name }
        self.searched = searched
        self.searchedEmbedded = searchPath.includesEmbedded
    }

    /// What was searched, for a note: the existing folders, then the compiled-in templates.
    public var searchedDescription: String {
        let places = searched + (searchedEmbedded ? ["the templates built into nbship"] : [])
        return places.isEmpty ? "nothing (no template folder exists)" : places.joined(separator: ", ")
    }

    /// Finds a template by name and loads it, or loads `name` as a folder when it is a path to one.
    /// - Parameter name: A template name, or a path containing `/`.
    /// - Returns: The template.
    /// - Throws: `template.not-found`, listing what exists and what was searched; the
    ///   template's own loading errors.
    public func template(named name: String) throws(DiagnosticError) -> Template {
        if name.contains("/") { return try Template.load(directory: name) }
        if let entry = entries.first(where: { $0.name == name }) { return try entry.load() }
        let known = entries.map(\.name)
        throw DiagnosticError(.error(
            "template.not-found", "no template named '\(name)'",
            notes: [
                known.isEmpty ? "no templates found" : "available: " + known.joined(separator: ", "),
                "searched: " + searchedDescription,
            ]))
    }
}
