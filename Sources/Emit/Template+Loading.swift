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
        guard let manifestData = manager.contents(atPath: manifestPath) else {
            throw DiagnosticError(.error("template.not-found", "'\(directory)' is not a template: it has no \(manifestName)"))
        }
        let manifest = try TemplateManifest.parse(toml: String(decoding: manifestData, as: UTF8.self), path: displayPath(directory, manifestName))
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
                if path == manifestName { continue }
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
        return Template(manifest: manifest, sources: sources, directory: directory)
    }

    /// `directory/relative`, without a doubled separator.
    static func displayPath(_ directory: String, _ relative: String) -> String {
        guard !relative.isEmpty else { return directory }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
