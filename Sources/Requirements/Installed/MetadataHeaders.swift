/// The header block of a `METADATA` or `PKG-INFO` file, parsed as Python's `email` package
/// parses it for `importlib.metadata` (policy compat32): headers up to the first blank line or
/// the first line that is not a header; names compared case-insensitively; the first
/// occurrence wins.
struct MetadataHeaders {
    /// Headers in file order: lower-cased name and value.
    private(set) var fields: [(name: String, value: String)] = []
    /// Names of headers that continued onto further lines (their values are not simple).
    private(set) var folded: Set<String> = []

    /// Parses the headers of `text` (newlines already `\n`), on its UTF-8 bytes; the body
    /// after the first blank line (often most of the file: the long description) is not read.
    /// - Parameter text: The file's text.
    init(_ text: String) {
        var text = text
        text.withUTF8 { parse($0) }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
        let newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var start = 0
        var first = true
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            defer {
                start = end + 1
                first = false
            }
            if end == start { break }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if first, line.starts(with: "From ".utf8) { continue }
            if line[0] == space || line[0] == tab {
                if let last = fields.last { folded.insert(last.name) }
                continue
            }
            // A header name is `[\x21-\x39\x3b-\x7e]*` followed by a colon.
            guard let nameEnd = line.firstIndex(where: { $0 == colon || $0 < 0x21 || $0 > 0x7e }), line[nameEnd] == colon else { break }
            let name = String(decoding: UnsafeBufferPointer(rebasing: line[..<nameEnd]), as: UTF8.self).lowercased()
            var value = nameEnd + 1
            while value < line.count, line[value] == space || line[value] == tab { value += 1 }
            fields.append((name, String(decoding: UnsafeBufferPointer(rebasing: line[value...]), as: UTF8.self)))
        }
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
