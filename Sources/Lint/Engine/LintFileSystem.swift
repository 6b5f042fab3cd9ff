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
        // A plain open/read: FileManager's reader costs more than the read itself on the
        // thousands of small files a repository has.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress?.advanced(by: count), buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        return String(decoding: bytes[..<count], as: UTF8.self)
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
