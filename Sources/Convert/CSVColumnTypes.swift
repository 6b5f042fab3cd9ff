import Foundation

/// Column types sampled from CSV files: `float` when every sampled value is empty or a
/// number, else `str`.
enum CSVColumnTypes {
    /// Reads the header and up to 500 rows of each file (simple CSV: a quoted field makes the
    /// file count as unreadable and it is skipped).
    /// - Parameter paths: CSV files.
    /// - Returns: Type by column name (the first file naming a column wins).
    static func read(_ paths: [String]) -> [String: String] {
        var types: [String: String] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data.prefix(1 << 20), as: UTF8.self)
            guard !text.contains("\"") else { continue }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .init(charactersIn: "\r")) }
            if data.count > 1 << 20 { lines = Array(lines.dropLast()) }
            guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { continue }
            var numeric = Array(repeating: true, count: header.count)
            for line in lines.dropFirst().prefix(500) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                for (index, field) in fields.enumerated() where index < header.count && numeric[index] {
                    let value = field.trimmingCharacters(in: .whitespaces)
                    if !value.isEmpty, Double(value) == nil, value.lowercased() != "nan" { numeric[index] = false }
                }
            }
            for (index, column) in header.enumerated() where types[column] == nil {
                types[column] = numeric[index] ? "float" : "str"
            }
        }
        return types
    }
}
