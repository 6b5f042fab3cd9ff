/// The header block of a `METADATA` or `PKG-INFO` file, parsed as Python's `email` package
/// parses it for `importlib.metadata` (policy compat32): headers up to the first blank line or
/// the first line that is not a header; names compared case-insensitively; the first
/// occurrence wins.
struct MetadataHeaders {
    /// Headers in file order: lower-cased name and value (``other`` and an empty value for
    /// headers other than ``kept``).
    private(set) var fields: [(name: String, value: String)] = []
    /// Names of headers that continued onto further lines (their values are not simple);
    /// only ``kept`` names are told apart.
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
            count += 1
            // Only Name and Version are kept (every other header only counts): building
            // strings for the dozens of classifiers was most of the parse.
            let nameBytes = UnsafeBufferPointer(rebasing: line[..<nameEnd])
            guard let name = Self.kept.first(where: { Self.equalsIgnoringCase(nameBytes, $0) }) else {
                fields.append((Self.other, ""))
                continue
            }
            var value = nameEnd + 1
            while value < line.count, line[value] == space || line[value] == tab { value += 1 }
            fields.append((name, String(decoding: UnsafeBufferPointer(rebasing: line[value...]), as: UTF8.self)))
        }
    }

    /// The headers whose values are kept, lower-cased.
    static let kept = ["name", "version"]
    /// The stand-in name of every other header.
    static let other = "\u{0}other"
    /// How many headers there are.
    private(set) var count = 0

    /// ASCII case-insensitive comparison of a header name with a lower-case name.
    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: String) -> Bool {
        guard bytes.count == lower.utf8.count else { return false }
        return zip(bytes, lower.utf8).allSatisfy { ($0 | 0x20) == $1 }
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
