/// The header block of a `METADATA` or `PKG-INFO` file, parsed as Python's `email` package
/// parses it for `importlib.metadata` (policy compat32): headers up to the first blank line or
/// the first line that is not a header; names compared case-insensitively; the first
/// occurrence wins.
struct MetadataHeaders {
    /// Headers in file order: lower-cased name and value.
    private(set) var fields: [(name: String, value: String)] = []
    /// Names of headers that continued onto further lines (their values are not simple).
    private(set) var folded: Set<String> = []

    /// Parses the headers of `text` (newlines already `\n`); the body after the first blank
    /// line (often most of the file: the long description) is never split into lines.
    /// - Parameter text: The file's text.
    init(_ text: String) {
        var first = true
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(text[start..<end])
            start = end < utf8.endIndex ? utf8.index(after: end) : end
            defer { first = false }
            if line.isEmpty { break }
            if first, line.hasPrefix("From ") { continue }
            if line.first == " " || line.first == "\t" {
                if let last = fields.last { folded.insert(last.name) }
                continue
            }
            guard let colon = Self.headerNameEnd(line) else { break }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            fields.append((name, String(value)))
        }
    }

    /// The index of the colon ending a header name (`[\x21-\x39\x3b-\x7e]*:`), if the line is a header.
    private static func headerNameEnd(_ line: Substring) -> Substring.Index? {
        for index in line.utf8.indices {
            let byte = line.utf8[index]
            if byte == UInt8(ascii: ":") { return index }
            if byte < 0x21 || byte > 0x7e { return nil }
        }
        return nil
    }

    /// Whether there is any header (Python's `Message` is false when it has none).
    var isEmpty: Bool { fields.isEmpty }

    /// The first value of a header.
    /// - Parameter name: The header name, any case.
    /// - Returns: The value, or `nil` when absent.
    subscript(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }
}
