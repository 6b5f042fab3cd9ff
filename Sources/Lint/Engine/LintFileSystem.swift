import Foundation

/// Where the linter reads files from (requirements includes, `.env`): the disk for the CLI,
/// a dictionary in tests. The linter only ever reads.
public protocol LintFileSystem: Sendable {
    /// The text of a file, or `nil` when it cannot be read.
    /// - Parameter path: The path, relative to the current directory or absolute.
    /// - Returns: The text.
    func contents(of path: String) -> String?
}

/// Reads files from disk.
public struct LocalFileSystem: LintFileSystem {
    /// Creates a reader of the local disk.
    public init() {}

    public func contents(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Files held in memory, keyed by path (for tests and for editors linting unsaved text).
public struct InMemoryFileSystem: LintFileSystem {
    /// The files.
    public var files: [String: String]

    /// Creates an in-memory file system.
    /// - Parameter files: Text by path.
    public init(_ files: [String: String]) {
        self.files = files
    }

    public func contents(of path: String) -> String? {
        files[path] ?? files[LintPath.normalise(path)]
    }
}
