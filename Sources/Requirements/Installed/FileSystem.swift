#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few file-system questions the environment reader asks, answered with `stat(2)`.
enum FileSystem {
    /// Whether `path` names a directory (following symbolic links), as `os.path.isdir`.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` names a regular file (following symbolic links), as `os.path.isfile`.
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether anything exists at `path` (following symbolic links), as `os.path.exists`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// A file's text as Python's `read_text(encoding="utf-8")` gives it: universal newlines
    /// (`\r\n` and `\r` become `\n`).
    /// - Returns: ``TextResult/missing`` when the file cannot be read, ``TextResult/notUTF8``
    ///   when it is not UTF-8 (Python would fail on it).
    static func text(_ path: String) -> TextResult {
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        return data.withUnsafeBytes { decode($0) }
    }

    /// The start of a file up to and including its first blank line (all of it when it has
    /// none), as ``text(_:)`` decodes it: the header block of `METADATA`, without reading the
    /// long description after it.
    static func headerText(_ path: String) -> TextResult {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .missing }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .missing }
            if count == 0 { break }
            let searchFrom = max(0, bytes.count - 3)
            bytes.append(contentsOf: chunk[0..<count])
            if let end = blankLineEnd(bytes, from: searchFrom) {
                bytes.removeSubrange(end...)
                break
            }
        }
        return bytes.withUnsafeBytes { decode($0) }
    }

    /// Where the first blank line starts plus one byte (so the decoded text ends with the
    /// blank line's newline), or `nil` when there is none from `start` on.
    private static func blankLineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let isBreak = { (byte: UInt8) in byte == newline || byte == carriageReturn }
        if start == 0, let first = bytes.first, isBreak(first) { return 1 }
        var index = start
        while index < bytes.count {
            guard isBreak(bytes[index]) else {
                index += 1
                continue
            }
            var next = index + 1
            if bytes[index] == carriageReturn, next < bytes.count, bytes[next] == newline { next += 1 }
            if next < bytes.count, isBreak(bytes[next]) { return next + 1 }
            index = next
        }
        return nil
    }

    /// UTF-8 with universal newlines, as Python's text mode reads it.
    private static func decode(_ bytes: UnsafeRawBufferPointer) -> TextResult {
        let carriageReturn = UInt8(ascii: "\r")
        let hasCarriageReturn = bytes.baseAddress.map { memchr($0, Int32(carriageReturn), bytes.count) != nil } ?? false
        guard hasCarriageReturn else {
            guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else { return .notUTF8 }
            return .text(text)
        }
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == carriageReturn {
                normalised.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                normalised.append(bytes[index])
            }
            index += 1
        }
        guard let text = String(validating: normalised, as: UTF8.self) else { return .notUTF8 }
        return .text(text)
    }

    /// What reading a text file gave.
    enum TextResult {
        case text(String)
        case missing
        case notUTF8
    }

    /// `path` with symbolic links resolved (`os.path.realpath`), or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `os.path.abspath(os.path.join(base, path))`: joined and normalised lexically
    /// (`.` and `..` removed, repeated slashes collapsed), without resolving links.
    static func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The parent directory of an absolute path (`/` for `/`).
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
