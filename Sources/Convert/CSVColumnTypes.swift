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
            guard let lines = sampledLines(path) else { continue }
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

    /// The header of a CSV file, in order (`nil` when the file cannot be read or quotes
    /// fields, as for ``read(_:)``).
    /// - Parameter path: A CSV file.
    /// - Returns: The column names.
    static func header(_ path: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        // By bytes: "\r\n" is one Character, so a String split on "\n" would not see it.
        guard let first = data.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: true).first else { return nil }
        let line = Self.droppingBOM(String(decoding: first, as: UTF8.self)).trimmingCharacters(in: .init(charactersIn: "\r"))
        guard !line.contains("\"") else { return nil }
        let columns = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return columns.contains(where: \.isEmpty) ? nil : columns
    }

    /// The fields of the first record after the header (`nil` as for ``header(_:)``).
    /// - Parameter path: A CSV file.
    /// - Returns: The values, as written.
    static func firstRow(_ path: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: true)
        guard lines.count >= 2 else { return nil }
        let line = String(decoding: lines[1], as: UTF8.self).trimmingCharacters(in: .init(charactersIn: "\r"))
        guard !line.contains("\"") else { return nil }
        return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// The distinct values of each text column with at most `limit` of them (over the first
    /// megabyte), sorted as pandas' `get_dummies` orders them; empty fields are not values.
    /// - Parameters:
    ///   - path: A CSV file.
    ///   - limit: The most values a column may have to count as categorical.
    /// - Returns: Values by column, for the columns that qualify.
    static func categories(_ path: String, limit: Int = 50) -> [String: [String]] {
        guard let lines = sampledLines(path) else { return [:] }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [:] }
        let types = read([path])
        var values = Array(repeating: Set<String>(), count: header.count)
        for line in lines.dropFirst() {
            for (index, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where index < header.count {
                if !field.isEmpty, values[index].count <= limit { values[index].insert(String(field)) }
            }
        }
        var result: [String: [String]] = [:]
        for (index, column) in header.enumerated() where types[column] == "str" && !values[index].isEmpty && values[index].count <= limit {
            result[column] = values[index].sorted()
        }
        return result
    }

    /// The lines of a file's first megabyte (the last, cut one left out), without a byte-order
    /// mark or `\r`; `nil` when the file cannot be read or quotes fields.
    private static func sampledLines(_ path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = droppingBOM(String(decoding: data.prefix(1 << 20), as: UTF8.self))
        guard !text.contains("\"") else { return nil }
        // By scalars: "\r\n" is one Character, so a String split on "\n" would not see it.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .init(charactersIn: "\r")) }
        return data.count > 1 << 20 ? Array(lines.dropLast()) : lines
    }

    /// The text without a leading UTF-8 byte-order mark, which pandas drops from the first
    /// column's name too.
    static func droppingBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
