import Foundation

/// The base image pinned in a project's `pyproject.toml`: `[tool.nbship] base = "REF@sha256:…"`.
/// Reading and rewriting work on the text, line by line, so the rest of the file is kept
/// byte for byte.
public enum BasePin {
    /// The key in `[tool.nbship]`.
    public static let key = "base"

    /// The pinned reference in `text`, if `[tool.nbship]` has a `base` string.
    /// - Parameter text: The pyproject text.
    /// - Returns: The value, unparsed.
    public static func read(_ text: String) -> String? {
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                inTable = header(trimmed) == "tool.nbship"
                continue
            }
            guard inTable, let value = value(of: trimmed) else { continue }
            return value
        }
        return nil
    }

    /// `text` with `base = "<pin>"` set in `[tool.nbship]` (the table added at the end when missing).
    /// - Parameters:
    ///   - text: The pyproject text.
    ///   - pin: The pinned reference.
    /// - Returns: The new text.
    public static func write(_ pin: String, into text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entry = "\(key) = \"\(pin)\""
        var tableLine: Int?
        var inTable = false
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                inTable = header(trimmed) == "tool.nbship"
                if inTable { tableLine = number }
                continue
            }
            if inTable, value(of: trimmed) != nil {
                lines[number] = entry
                return lines.joined(separator: "\n")
            }
        }
        if let tableLine {
            lines.insert(entry, at: tableLine + 1)
            return lines.joined(separator: "\n")
        }
        var result = text
        if !result.isEmpty, !result.hasSuffix("\n") { result += "\n" }
        return result + (result.isEmpty ? "" : "\n") + "[tool.nbship]\n\(entry)\n"
    }

    private static func header(_ line: String) -> String? {
        guard line.hasPrefix("["), !line.hasPrefix("[["), let close = line.firstIndex(of: "]") else { return nil }
        return line[line.index(after: line.startIndex)..<close].split(separator: ".")
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            .joined(separator: ".")
    }

    private static func value(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        guard name == key else { return nil }
        let rest = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return nil }
        return String(body[..<end])
    }
}
