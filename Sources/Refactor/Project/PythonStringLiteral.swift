/// Decodes the simple string literals data paths are written with.
public enum PythonStringLiteral {
    /// The value of a single-line string literal's source text (`'data/x.csv'`, `r"a\b"`),
    /// or `nil` for anything it cannot decode faithfully: f-strings, bytes, escapes in a
    /// non-raw string, implicit concatenation.
    static func value(of source: String) -> String? {
        var text = Substring(source)
        var raw = false
        while let first = text.first, "rRuU".contains(first) {
            if first == "r" || first == "R" { raw = true }
            text = text.dropFirst()
        }
        guard let quote = text.first, quote == "'" || quote == "\"" else { return nil }
        let delimiter = text.hasPrefix(String(repeating: quote, count: 3)) ? String(repeating: quote, count: 3) : String(quote)
        guard text.count >= delimiter.count * 2, text.hasPrefix(delimiter), text.hasSuffix(delimiter) else { return nil }
        let inner = text.dropFirst(delimiter.count).dropLast(delimiter.count)
        guard !inner.contains(quote), !inner.contains("\n") else { return nil }
        if !raw && inner.contains("\\") { return nil }
        return String(inner)
    }

    /// A Python string literal for a value (double quotes, backslashes and quotes escaped).
    public static func literal(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
