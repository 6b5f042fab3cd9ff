/// Finds where `key = value` lines sit under each `[table]` header of a TOML text, since
/// TOMLKit reports no positions. Header names are compared with spaces and quotes removed.
struct TOMLKeyLocator {
    /// A key's position: its line and column, and the column where its value starts.
    struct Position: Sendable, Hashable {
        var line: Int
        var column: Int
        var valueColumn: Int
    }

    private var positions: [String: Position] = [:]

    init(text: String) {
        var table = ""
        for (number, line) in text.physicalLines.enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("[") {
                var header = Substring(trimmed)
                if let comment = header.firstIndex(of: "#") { header = header[..<comment] }
                table = Self.normalise(header.trimmingSpaces.trimmingCharacters("[]"))
                continue
            }
            guard let equals = line.firstIndex(of: "="), !trimmed.hasPrefix("#") else { continue }
            let rawKey = line[..<equals]
            let leading = rawKey.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
            let key = Self.normalise(String(rawKey))
            guard !key.isEmpty, !key.contains("{") else { continue }
            let afterEquals = line[line.index(after: equals)...]
            let valueOffset = rawKey.unicodeScalars.count + 1 + afterEquals.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
            let name = table.isEmpty ? key : table + "." + key
            if positions[name] == nil {
                positions[name] = Position(line: number + 1, column: leading + 1, valueColumn: valueOffset + 1)
            }
        }
    }

    /// The position of `key` under `table` (both dotted, unquoted).
    func position(table: String, key: String) -> Position? {
        positions[Self.normalise(table) + "." + Self.normalise(key)]
    }

    static func normalise(_ name: String) -> String {
        name.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" }
    }
}
