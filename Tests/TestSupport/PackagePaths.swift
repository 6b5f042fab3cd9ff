import Foundation

/// Locations the tests read from, found relative to this file (never copied into the repo).
public enum PackagePaths {
    /// The package root (this file is `Tests/TestSupport/PackagePaths.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared corpus beside the package (`../shared/corpus`).
    public static let corpus: URL = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The package's own fixtures folder (`fixtures/`).
    public static let fixtures: URL = root.appendingPathComponent("fixtures")

    /// A file or folder under `fixtures/`.
    /// - Parameter relative: the path below `fixtures/`, e.g. `course/solution.ipynb`.
    /// - Returns: its URL (whether or not it exists).
    public static func fixture(_ relative: String) -> URL {
        fixtures.appendingPathComponent(relative)
    }

    /// The debug build next to the tests (`.build/debug/nbship`).
    public static let debugBinary: URL = root.appendingPathComponent(".build/debug/nbship")

    /// The `nbship` binary to run: the path in `$NBSHIP_BIN` when set, else the debug build.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NBSHIP_BIN"] {
            return URL(fileURLWithPath: path)
        }
        return debugBinary
    }

    /// The debug build, only when it exists and is executable (for `.enabled(if:)`).
    public static var builtBinary: URL? {
        FileManager.default.isExecutableFile(atPath: debugBinary.path) ? debugBinary : nil
    }

    /// Every file with the given extension under a folder, recursively, sorted by path.
    /// - Parameters:
    ///   - pathExtension: the extension without the dot, e.g. `ipynb`.
    ///   - folder: where to look.
    /// - Returns: the files' URLs, sorted; empty when the folder is missing.
    public static func files(withExtension pathExtension: String, under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == pathExtension }
            .sorted { $0.path < $1.path }
    }

    /// Creates a fresh, empty temporary directory; the caller removes it.
    /// - Parameter prefix: the start of the directory's name, e.g. `nbship-course`.
    /// - Returns: the new directory.
    /// - Throws: when it cannot be created.
    public static func temporaryDirectory(prefix: String = "nbship-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
