import Foundation

/// Where nbship looks for templates, first match wins:
///
/// 1. `--templates DIR` (only that folder, nothing else);
/// 2. `$NBSHIP_TEMPLATES` (a `:`-separated list of folders);
/// 3. next to the executable: `BIN/../share/nbship/templates` (an installed layout, e.g.
///    `/usr/local/bin/nbship` with `/usr/local/share/nbship/templates`), then `BIN/templates`;
/// 4. the source tree this library was built from (`templates/` at the package root), so a
///    development build finds the bundled templates, as edited, wherever it is run from
///    (skipped when `$NBSHIP_NO_SOURCE_TEMPLATES` is set and not empty);
/// 5. the bundled templates compiled into the binary (``EmbeddedTemplates``), so a binary
///    copied alone still has them.
public struct TemplateSearchPath: Sendable, Equatable {
    /// The folders to search, in order (existing or not).
    public var folders: [String]
    /// Whether the templates compiled into the binary come after the folders.
    public var includesEmbedded: Bool

    /// The variable that, set and not empty, skips the source tree's `templates/` (step 4), so
    /// tests and packagers see what a binary copied to another machine sees.
    public static let noSourceTemplatesVariable = "NBSHIP_NO_SOURCE_TEMPLATES"

    /// Creates a search path from explicit folders.
    /// - Parameters:
    ///   - folders: The folders, in order.
    ///   - includesEmbedded: Whether the compiled-in templates follow them.
    public init(folders: [String], includesEmbedded: Bool = false) {
        self.folders = folders
        self.includesEmbedded = includesEmbedded
    }

    /// The default search path.
    /// - Parameters:
    ///   - explicit: `--templates DIR`, when given (then it is the only place searched).
    ///   - environment: The process environment (`NBSHIP_TEMPLATES`, `NBSHIP_NO_SOURCE_TEMPLATES`).
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
        if environment[noSourceTemplatesVariable].map(\.isEmpty) ?? true {
            folders.append(sourceTreeTemplates)
        }
        return TemplateSearchPath(folders: folders, includesEmbedded: true)
    }

    /// `templates/` at the root of the package this file was compiled in.
    public static let sourceTreeTemplates: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path
}
