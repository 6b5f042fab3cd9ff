import Diagnostics
import Foundation

extension Template {
    /// The manifest's file name.
    public static let manifestName = "template.toml"

    /// Loads a template folder: `template.toml` and every other file (text, UTF-8) below it.
    /// Symbolic links are not followed; `.git` folders and `__pycache__` are skipped.
    /// - Parameter directory: The folder.
    /// - Returns: The template.
    /// - Throws: `template.not-found` (no manifest), `template.io`, `template.binary-file`,
    ///   or the manifest's errors.
    public static func load(directory: String) throws(DiagnosticError) -> Template {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        let manifestPath = root.appendingPathComponent(manifestName).path
        guard manager.fileExists(atPath: manifestPath) else {
            throw DiagnosticError(.error("template.not-found", "'\(directory)' is not a template: it has no \(manifestName)"))
        }
        var sources: [TemplateSource] = []
        let skipped: Set<String> = [".git", "__pycache__", ".DS_Store"]
        func walk(_ relative: String) throws(DiagnosticError) {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: folder.path).sorted()
            } catch {
                throw DiagnosticError(.error("template.io", "cannot list '\(displayPath(directory, relative))'"))
            }
            for name in names where !skipped.contains(name) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = root.appendingPathComponent(path).path
                guard let attributes = try? manager.attributesOfItem(atPath: full) else {
                    throw DiagnosticError(.error("template.io", "cannot read '\(displayPath(directory, path))'"))
                }
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory {
                    try walk(path)
                } else if type == .typeRegular {
                    guard let data = manager.contents(atPath: full) else {
                        throw DiagnosticError(.error("template.io", "cannot read '\(displayPath(directory, path))'"))
                    }
                    guard let text = String(validating: data, as: UTF8.self) else {
                        throw DiagnosticError(.error("template.binary-file", "'\(displayPath(directory, path))' is not UTF-8 text; templates hold text files only"))
                    }
                    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
                    sources.append(TemplateSource(path: path, text: text, executable: mode & 0o100 != 0))
                }
            }
        }
        try walk("")
        return try load(files: sources, directory: directory)
    }

    /// Makes a template of files already in memory (what ``load(directory:)`` does once it has
    /// read a folder; the templates compiled into the binary, ``EmbeddedTemplates``, load this way).
    /// - Parameters:
    ///   - files: Every file of the template, `template.toml` included, by path inside it.
    ///   - directory: The folder they stand for, as named in diagnostics.
    /// - Returns: The template: the parsed manifest and every other file.
    /// - Throws: `template.not-found` (no `template.toml` among the files) or the manifest's errors.
    public static func load(files: [TemplateSource], directory: String) throws(DiagnosticError) -> Template {
        guard let manifestFile = files.first(where: { $0.path == manifestName }) else {
            throw DiagnosticError(.error("template.not-found", "'\(directory)' is not a template: it has no \(manifestName)"))
        }
        let manifest = try TemplateManifest.parse(toml: manifestFile.text, path: displayPath(directory, manifestName))
        return Template(manifest: manifest, sources: files.filter { $0.path != manifestName }, directory: directory)
    }

    /// `directory/relative`, without a doubled separator.
    static func displayPath(_ directory: String, _ relative: String) -> String {
        guard !relative.isEmpty else { return directory }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
