#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One directory's entries in the order the file system gives them (`os.listdir`'s order,
/// which is what Python's metadata finder sees), without `.` and `..`.
struct DirectoryListing {
    /// An entry and whether it is a directory (symbolic links followed).
    struct Entry {
        var name: String
        var isDirectory: Bool
    }

    /// The entries, or `nil` when `path` is not a readable directory.
    let entries: [Entry]

    /// Lists a directory.
    /// - Parameter path: The directory.
    /// - Returns: `nil` when it cannot be opened as a directory.
    init?(_ path: String) {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let pointer = readdir(stream) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = pointer.pointee.d_type
            let isDirectory: Bool
            if type == UInt8(DT_DIR) {
                isDirectory = true
            } else if type == UInt8(DT_REG) {
                isDirectory = false
            } else {
                isDirectory = FileSystem.isDirectory(path + "/" + name)
            }
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        self.entries = entries
    }
}
