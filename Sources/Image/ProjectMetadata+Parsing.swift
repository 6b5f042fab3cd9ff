import Diagnostics

extension ProjectMetadata {
    /// The key naming the notebook.
    static let notebookKey = "notebook"
    /// The key holding the notebook's sha256.
    static let digestKey = "notebook-sha256"

    /// Reads the `[tool.nbship]` table out of pyproject text.
    ///
    /// Only what build needs is understood: the table header (bare or quoted keys) and
    /// `key = "string"` or `key = 'string'` lines in it, with comments. Other tables are
    /// skipped line by line (multi-line strings included), so a full TOML parser, and its
    /// failure modes on malformed files, is not needed. Keys written in other TOML forms
    /// (dotted keys at the top level, inline tables) are not seen.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file, for diagnostics.
    /// - Returns: The metadata.
    /// - Throws: `DiagnosticError` (`image.bad-project-metadata`) for a value of nbship's
    ///   keys that is not a string, or a digest that is not 64 hex digits.
    static func parse(_ text: String, path: String) throws -> ProjectMetadata {
        var metadata = ProjectMetadata()
        var inTable = false
        var openString: String?  // the delimiter of a multi-line string still open
        // `\r\n` is one Character, and a newline like `\n`.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let delimiter = openString {
                if line.contains(delimiter) { openString = nil }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                if let header = tableHeader(trimmed) { inTable = header == ["tool", "nbship"] }
                continue
            }
            for delimiter in ["\"\"\"", "'''"] where trimmed.components(separatedBy: delimiter).count % 2 == 0 {
                openString = delimiter
            }
            guard inTable, openString == nil, let (key, value) = keyValue(trimmed) else { continue }
            guard key == notebookKey || key == digestKey else { continue }
            let column = line.count - trimmed.count + 1
            func fail(_ message: String) -> DiagnosticError {
                DiagnosticError(.error("image.bad-project-metadata", message,
                                       at: SourceLocation(path: path, line: number + 1, column: column)))
            }
            guard let string = value else { throw fail("'\(key)' in [tool.nbship] must be a string") }
            if key == notebookKey {
                metadata.notebook = string
            } else {
                let hex = (string.hasPrefix("sha256:") ? String(string.dropFirst(7)) : string).lowercased()
                guard let digest = Digest(parsing: "sha256:" + hex) else {
                    throw fail("'\(digestKey)' in [tool.nbship] must be 64 hex digits, not '\(string)'")
                }
                metadata.notebookDigest = digest
            }
        }
        return metadata
    }

    /// The dotted name of a `[a.b]` header, or nil when the line is not a plain table header.
    static func tableHeader(_ line: Substring) -> [String]? {
        guard !line.hasPrefix("[["), let close = line.lastIndex(of: "]") else { return nil }
        let rest = line[line.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.hasPrefix("#") else { return nil }
        var parts: [String] = []
        var remaining = line[line.index(after: line.startIndex)..<close]
        while true {
            remaining = remaining.drop { $0 == " " || $0 == "\t" }
            guard let (part, after) = key(remaining) else { return nil }
            parts.append(part)
            remaining = after.drop { $0 == " " || $0 == "\t" }
            if remaining.isEmpty { return parts }
            guard remaining.hasPrefix(".") else { return nil }
            remaining = remaining.dropFirst()
        }
    }

    /// `key = value`: the key, and the value when it is a one-line string (nil otherwise).
    static func keyValue(_ line: Substring) -> (String, String?)? {
        guard let (name, afterKey) = key(line) else { return nil }
        let rest = afterKey.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("=") else { return nil }
        let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let (string, after) = quoted(value) else { return (name, nil) }
        let tail = after.drop { $0 == " " || $0 == "\t" }
        return (name, tail.isEmpty || tail.hasPrefix("#") ? string : nil)
    }

    /// A bare or quoted key at the start of `text`, and what follows it.
    static func key(_ text: Substring) -> (String, Substring)? {
        if text.hasPrefix("\"") || text.hasPrefix("'") { return quoted(text) }
        let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return bare.isEmpty ? nil : (String(bare), text[bare.endIndex...])
    }

    /// A one-line basic (`"…"`, with escapes) or literal (`'…'`) string at the start of `text`.
    static func quoted(_ text: Substring) -> (String, Substring)? {
        guard let quote = text.first, quote == "\"" || quote == "'" else { return nil }
        if text.hasPrefix(String(repeating: quote, count: 3)) { return nil }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == quote { return (result, text[index...]) }
            guard quote == "\"", character == "\\" else {
                result.append(character)
                continue
            }
            guard index < text.endIndex else { return nil }
            let escape = text[index]
            index = text.index(after: index)
            switch escape {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "b": result.append("\u{8}")
            case "f": result.append("\u{C}")
            case "u", "U":
                let count = escape == "u" ? 4 : 8
                let digits = text[index...].prefix(count)
                guard digits.count == count, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
                result.unicodeScalars.append(scalar)
                index = digits.endIndex
            default: return nil
            }
        }
        return nil
    }
}
