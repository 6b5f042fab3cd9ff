import Foundation

/// Where nbship looks for template folders, first match wins:
///
/// 1. `--templates DIR` (only that folder);
/// 2. `$NBSHIP_TEMPLATES` (a `:`-separated list of folders);
/// 3. next to the executable: `BIN/../share/nbship/templates` (an installed layout, e.g.
///    `/usr/local/bin/nbship` with `/usr/local/share/nbship/templates`), then `BIN/templates`;
/// 4. the source tree this library was built from (`templates/` at the package root), so a
///    development build finds the bundled templates wherever it is run from.
public struct TemplateSearchPath: Sendable, Equatable {
    /// The folders to search, in order (existing or not).
    public var folders: [String]

    /// Creates a search path from explicit folders.
    public init(folders: [String]) {
        self.folders = folders
    }

    /// The default search path.
    /// - Parameters:
    ///   - explicit: `--templates DIR`, when given (then it is the only folder).
    ///   - environment: The process environment (`NBSHIP_TEMPLATES`).
    ///   - executable: The running executable's path, when known.
    /// - Returns: The search path.
    public static func standard(explicit: String?, environment: [String: String], executable: String?) -> TemplateSearchPath {
        if let explicit { return TemplateSearchPath(folders: [explicit]) }
        var folders: [String] = []
        if let list = environment["NBSHIP_TEMPLATES"], !list.isEmpty {
            folders += list.split(separator: ":").map(String.init)
        }
        if let executable {
            let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            folders.append(bin.deletingLastPathComponent().appendingPathComponent("share/nbship/templates").path)
            folders.append(bin.appendingPathComponent("templates").path)
        }
        folders.append(sourceTreeTemplates)
        return TemplateSearchPath(folders: folders)
    }

    /// `templates/` at the root of the package this file was compiled in.
    public static let sourceTreeTemplates: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path
}
