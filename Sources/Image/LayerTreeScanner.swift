import Archive
import Foundation

/// Walks directory trees into a sorted, normalised list of ``LayerEntry`` values.
///
/// Entries are sorted by the bytes of their path (so parents come before children), carry
/// no host timestamps or names, and hard links (files sharing an inode) become links to the
/// first path in that order. Fifos, sockets and devices are skipped and reported.
public struct LayerTreeScanner: Sendable {
    /// The modification time given to every entry.
    public var modificationTime: Int64

    /// Creates a scanner.
    /// - Parameter modificationTime: The fixed mtime (the build's epoch).
    public init(modificationTime: Int64) {
        self.modificationTime = modificationTime
    }

    /// What a scan produced.
    public struct Result: Sendable {
        /// The entries, sorted.
        public var entries: [LayerEntry]
        /// Paths (in the image) skipped because they are neither files, directories nor links.
        public var skipped: [String]
    }

    /// Scans `sources` into one list of entries.
    /// - Parameter sources: The trees; parents of each destination are added as directories.
    /// - Returns: The sorted entries and the skipped paths.
    /// - Throws: `DiagnosticError` for unreadable trees, escaping links or duplicate paths.
    public func scan(_ sources: [LayerSource]) throws -> Result {
        var byPath: [String: (entry: LayerEntry, inode: FileIdentity?)] = [:]
        var skipped: [String] = []
        for source in sources {
            try addParents(of: source, into: &byPath)
            try walk(source, relative: "", into: &byPath, skipped: &skipped)
        }
        let sortedPaths = byPath.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var firstPathOfInode: [FileIdentity: String] = [:]
        var entries: [LayerEntry] = []
        entries.reserveCapacity(sortedPaths.count)
        for path in sortedPaths {
            guard let (entry, inode) = byPath[path] else { continue }
            if let inode {
                if let first = firstPathOfInode[inode] {
                    var link = entry.header
                    link.kind = .hardlink(target: first)
                    link.size = 0
                    entries.append(LayerEntry(header: link))
                    continue
                }
                firstPathOfInode[inode] = path
            }
            entries.append(entry)
        }
        return Result(entries: entries, skipped: skipped.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private func addParents(of source: LayerSource, into byPath: inout [String: (entry: LayerEntry, inode: FileIdentity?)]) throws {
        var prefix = ""
        for component in source.destination.split(separator: "/") {
            prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
            if byPath[prefix] == nil {
                let (uid, gid) = owner(source.owner, stat: nil)
                byPath[prefix] = (LayerEntry(header: ArchiveEntry(
                    path: prefix, kind: .directory, permissions: 0o755, uid: uid, gid: gid,
                    modificationTime: modificationTime)), nil)
            }
        }
    }

    private func owner(_ policy: LayerSource.Owner, stat info: stat?) -> (Int64, Int64) {
        switch policy {
        case .fixed(let uid, let gid): return (uid, gid)
        case .preserved: return info.map { (Int64($0.st_uid), Int64($0.st_gid)) } ?? (0, 0)
        }
    }

    private func walk(
        _ source: LayerSource, relative: String,
        into byPath: inout [String: (entry: LayerEntry, inode: FileIdentity?)], skipped: inout [String]
    ) throws {
        let directory = relative.isEmpty ? source.directory : source.directory + "/" + relative
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ImageFailure.at(directory, "image.unreadable-directory", "cannot list directory")
        }
        for name in names {
            if source.excludedNames.contains(name) { continue }
            if relative.isEmpty, let include = source.include, !include.contains(name) { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let diskPath = source.directory + "/" + childRelative
            let imagePath = source.destination.isEmpty ? childRelative : source.destination + "/" + childRelative
            var info = stat()
            guard lstat(diskPath, &info) == 0 else {
                throw ImageFailure.at(diskPath, "image.unreadable-file", "cannot stat file: \(String(cString: strerror(errno)))")
            }
            let (uid, gid) = owner(source.owner, stat: info)
            let bits = UInt32(info.st_mode) & 0o7777
            var header = ArchiveEntry(path: imagePath, kind: .directory, permissions: 0, uid: uid, gid: gid,
                                      modificationTime: modificationTime)
            var sourcePath: String?
            var identity: FileIdentity?
            switch UInt32(info.st_mode) & UInt32(S_IFMT) {
            case UInt32(S_IFDIR):
                header.permissions = source.modes == .normalised ? 0o755 : bits
            case UInt32(S_IFREG):
                header.kind = .file
                header.size = Int64(info.st_size)
                header.permissions = source.modes == .normalised ? (bits & 0o111 != 0 ? 0o755 : 0o644) : bits
                sourcePath = diskPath
                if info.st_nlink > 1 { identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
            case UInt32(S_IFLNK):
                let target = try readLink(diskPath)
                try checkLink(target, at: childRelative, diskPath: diskPath, policy: source.symlinks)
                header.kind = .symlink(target: target)
                header.permissions = 0o777
            default:
                skipped.append(imagePath)
                continue
            }
            if byPath[imagePath] != nil, header.kind != .directory {
                throw ImageFailure.at(diskPath, "image.duplicate-path", "two sources put a file at /\(imagePath)")
            }
            byPath[imagePath] = (LayerEntry(header: header, sourcePath: sourcePath), identity)
            if header.kind == .directory {
                try walk(source, relative: childRelative, into: &byPath, skipped: &skipped)
            }
        }
    }

    private func readLink(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else {
            throw ImageFailure.at(path, "image.unreadable-file", "cannot read symbolic link")
        }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Refuses links that leave the tree (lexically, from the link's own directory).
    private func checkLink(_ target: String, at relative: String, diskPath: String, policy: LayerSource.Symlinks) throws {
        var stack: [Substring]
        if target.hasPrefix("/") {
            guard policy == .rootFileSystem else {
                throw ImageFailure.at(diskPath, "image.symlink-escapes",
                                      "symbolic link points outside the tree: \(relative) -> \(target)",
                                      notes: ["only relative links that stay inside the project are allowed in a layer"])
            }
            stack = []
        } else {
            stack = relative.split(separator: "/").dropLast()
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !stack.isEmpty else {
                    if policy == .rootFileSystem { continue }  // `/..` is `/` in a root file system
                    throw ImageFailure.at(diskPath, "image.symlink-escapes",
                                          "symbolic link points outside the tree: \(relative) -> \(target)",
                                          notes: ["only relative links that stay inside the project are allowed in a layer"])
                }
                stack.removeLast()
            default: stack.append(component)
            }
        }
    }
}
