import Diagnostics
import Foundation

/// The templates found on a ``TemplateSearchPath``: each folder's subfolders that hold a
/// `template.toml`. A name found in an earlier folder hides the same name in later ones.
public struct TemplateCatalog: Sendable {
    /// One template found.
    public struct Entry: Sendable, Equatable {
        /// The template's folder name (what `nbship new` takes).
        public var name: String
        /// Its folder.
        public var directory: String
        /// The description from its manifest (empty when the manifest cannot be read).
        public var description: String
        /// Which command renders it (`project` when the manifest cannot be read).
        public var kind: TemplateManifest.Kind = .project
    }

    /// The templates, sorted by name.
    public var entries: [Entry]
    /// The folder the templates came from, in search order (existing folders only).
    public var searched: [String]

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
        self.entries = byName.values.sorted { $0.name < $1.name }
        self.searched = searched
    }

    /// Finds a template by name, or takes `name` as a folder when it is a path to one.
    /// - Parameter name: A template name, or a path containing `/`.
    /// - Returns: The template folder.
    /// - Throws: `template.not-found`, listing what exists.
    public func directory(for name: String) throws(DiagnosticError) -> String {
        if name.contains("/") { return name }
        if let entry = entries.first(where: { $0.name == name }) { return entry.directory }
        let known = entries.map(\.name)
        throw DiagnosticError(.error(
            "template.not-found", "no template named '\(name)'",
            notes: [
                known.isEmpty ? "no templates found" : "available: " + known.joined(separator: ", "),
                "searched: " + (searched.isEmpty ? "nothing (no template folder exists)" : searched.joined(separator: ", ")),
            ]))
    }
}
