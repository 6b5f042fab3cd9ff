/// Where things are in a `template.toml`, found by reading its lines (the TOML parser does
/// not report positions of values).
struct ManifestLines {
    /// Variable names in declaration order, with the line of their `[variables.NAME]` header.
    var headers: [(name: String, line: Int)] = []
    /// For each variable, the line of each of its keys.
    var keys: [String: [String: Int]] = [:]
    /// The line of each top-level key (`name`, `description`).
    var topLevel: [String: Int] = [:]

    init(_ text: String) {
        var current: String?
        var inPreamble = true
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            let number = index + 1
            if line.hasPrefix("[") {
                inPreamble = false
                current = nil
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingWhitespace()
                let prefix = "variables."
                if inner.hasPrefix(prefix) {
                    var name = String(inner.dropFirst(prefix.count)).trimmingWhitespace()
                    if name.count >= 2, name.first == "\"" || name.first == "'", name.last == name.first {
                        name = String(name.dropFirst().dropLast())
                    }
                    current = name
                    headers.append((name, number))
                }
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = line[..<equals].trimmingWhitespace().trimmingCharacters(in: "\"'")
            if let current {
                if keys[current, default: [:]][key] == nil { keys[current, default: [:]][key] = number }
            } else if inPreamble, topLevel[key] == nil {
                topLevel[key] = number
            }
        }
    }
}
