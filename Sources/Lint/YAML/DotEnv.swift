import Foundation

/// Reads a Compose `.env` file: `KEY=VALUE` lines, `export ` prefixes, `#` comments, single
/// quotes literal, double quotes with variables expanded against earlier keys.
public enum DotEnv {
    /// The variables in a `.env` text.
    /// - Parameter text: The file's text.
    /// - Returns: Values by name, as expanded text.
    public static func parse(_ text: String) -> [String: ExpandedText] {
        var values: [String: ExpandedText] = [:]
        for rawLine in text.physicalLines.filter({ !$0.isEmpty }) {
            var line = rawLine.trimmingSpaces
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingSpaces }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingSpaces
            var value = line[line.index(after: equals)...].trimmingSpaces
            if value.hasPrefix("'"), let close = value.dropFirst().firstIndex(of: "'") {
                values[key] = ExpandedText([.literal(String(value[value.index(after: value.startIndex)..<close]))])
                continue
            }
            if value.hasPrefix("\""), let close = value.dropFirst().firstIndex(of: "\"") {
                value = String(value[value.index(after: value.startIndex)..<close])
            } else if let comment = value.range(of: " #") {
                value = value[..<comment.lowerBound].trimmingSpaces
            }
            values[key] = VariableExpander(values: values, dollarDollarIsLiteral: true).expand(value)
        }
        return values
    }
}
