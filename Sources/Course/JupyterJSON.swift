import Notebook

/// Writes JSON the way Jupyter (nbformat) does: `json.dumps(nb, sort_keys=True, indent=1,
/// ensure_ascii=False)` followed by a newline.
///
/// A notebook Jupyter wrote comes out byte-for-byte the same after a read and a write,
/// which keeps diffs of generated notebooks to the cells that changed.
public enum JupyterJSON {
    /// Serialises a value in nbformat's layout.
    /// - Parameter value: The document (numbers are written as their text).
    /// - Returns: The JSON text, ending in a newline.
    public static func serialize(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (position, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                write(element, indent: indent + 1, into: &out)
                out += position == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            let sorted = uniqueSorted(members)
            if sorted.isEmpty { out += "{}"; return }
            out += "{\n"
            for (position, member) in sorted.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, indent: indent + 1, into: &out)
                out += position == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Members with duplicate keys collapsed to the last (as Python's `dict` does), sorted
    /// by code point (as Python's `sort_keys` does).
    static func uniqueSorted(_ members: [JSONMember]) -> [JSONMember] {
        var last: [String: JSONValue] = [:]
        for member in members { last[member.key] = member.value }
        return last.keys
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
            .compactMap { key in last[key].map { JSONMember(key: key, value: $0) } }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
