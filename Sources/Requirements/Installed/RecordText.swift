#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file lists of installed metadata, split as `importlib.metadata` splits them: `RECORD`
/// rows through Python's `csv` reader (only the first field, the path, is kept), and
/// `SOURCES.txt` / `installed-files.txt` lines quoted first and read the same way.
enum RecordText {
    /// Whether `text` contains `name/` or `name.` for any of `names`: a file list that
    /// mentions neither cannot provide the module (a byte search with `memchr`; the probe script's
    /// cheap pre-check, and most of the time of a query on a large environment without it).
    /// - Parameters:
    ///   - text: The text searched.
    ///   - names: The names.
    ///   - suffixes: What must follow a name (`/` and `.` for a file list).
    static func mentions(_ text: String, anyOf names: Set<String>, suffixes: [String] = ["/", "."]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard let base = haystack.baseAddress else { return false }
            for name in names {
                for suffix in suffixes {
                    var needle = name + suffix
                    let found = needle.withUTF8 { contains(UnsafeRawBufferPointer(start: base, count: haystack.count), UnsafeRawBufferPointer($0)) }
                    if found { return true }
                }
            }
            return false
        }
    }

    /// Whether `pattern` occurs in `bytes`: `memchr` to each candidate first byte, `memcmp` for the rest.
    private static func contains(_ bytes: UnsafeRawBufferPointer, _ pattern: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, let needle = pattern.baseAddress, let first = pattern.first else { return pattern.isEmpty }
        var offset = 0
        while bytes.count - offset >= pattern.count {
            guard let hit = memchr(base + offset, Int32(first), bytes.count - offset - pattern.count + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + position, needle, pattern.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// The path of each non-empty row of a CSV text, in order.
    /// - Parameter text: `RECORD`'s text.
    /// - Returns: First fields.
    static func paths(_ text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start {
                    result.append(firstField(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                }
                start = end + 1
            }
        }
        return result
    }

    /// The lines of a plain list, each read as the quoted CSV field `"line"`.
    /// - Parameter text: `SOURCES.txt`'s text.
    /// - Returns: The paths.
    static func quotedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { firstField("\"" + $0 + "\"") }
    }

    /// The first field of one CSV line (Python's default dialect, non-strict: after a closing
    /// quote, text up to the comma is kept; `""` inside quotes is one quote).
    static func firstField(_ line: String) -> String {
        var line = line
        return line.withUTF8 { firstField($0) }
    }

    /// ``firstField(_:)`` on the line's UTF-8 bytes.
    private static func firstField(_ line: UnsafeBufferPointer<UInt8>) -> String {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var index = 0
        guard index < line.count else { return "" }
        if line[index] != quote {
            while index < line.count, line[index] != comma { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: line[0..<index]), as: UTF8.self)
        }
        var field: [UInt8] = []
        index += 1
        while index < line.count {
            let byte = line[index]
            index += 1
            if byte == quote {
                if index < line.count, line[index] == quote {
                    field.append(quote)
                    index += 1
                    continue
                }
                break
            }
            field.append(byte)
        }
        while index < line.count, line[index] != comma {
            field.append(line[index])
            index += 1
        }
        return String(decoding: field, as: UTF8.self)
    }
}
