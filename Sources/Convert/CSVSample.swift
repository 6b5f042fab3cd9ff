import Foundation

/// One read of a CSV file's first megabyte, for the serving schema and the column types:
/// its header, each column's type (`float` when every value sampled from the first 500 records
/// is empty, a number or `nan`, else `str`), its first record and its lines. Simple CSV only: a
/// file that quotes fields, or cannot be read, gives no sample. A UTF-8 byte-order mark is
/// dropped, as pandas drops it from the first column's name.
struct CSVSample {
    /// How much of the file is read.
    static let limit = 1 << 20

    /// The column names, in order.
    var header: [String]
    /// `float` or `str`, by column name.
    var types: [String: String]
    /// The records after the header, as lines (the last one left out when the limit cut it).
    var records: [String]

    /// Reads a sample.
    /// - Parameter path: A CSV file.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.limit + 1) else { return nil }
        var text = String(decoding: data.prefix(Self.limit), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard !text.contains("\"") else { return nil }
        // By scalars: "\r\n" is one Character, so a String split on "\n" would not see it.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .init(charactersIn: "\r")) }
        if data.count > Self.limit { lines = Array(lines.dropLast()) }
        guard let first = lines.first else { return nil }
        header = Self.fields(first)
        records = Array(lines.dropFirst())
        var numeric = Array(repeating: true, count: header.count)
        for line in records.prefix(500) {
            for (index, field) in Self.fields(line).enumerated() where index < header.count && numeric[index] {
                let value = field.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty, Double(value) == nil, value.lowercased() != "nan" { numeric[index] = false }
            }
        }
        var types: [String: String] = [:]
        for (index, column) in header.enumerated() where types[column] == nil {
            types[column] = numeric[index] ? "float" : "str"
        }
        self.types = types
    }

    /// The fields of the first record, as written.
    var firstRow: [String]? { records.first.map(Self.fields) }

    /// The distinct values of each text column with at most `limit` of them, sorted as pandas'
    /// `get_dummies` orders them; empty fields are not values.
    /// - Parameter limit: The most values a column may have to count as categorical.
    /// - Returns: Values by column, for the columns that qualify.
    func categories(limit: Int = 50) -> [String: [String]] {
        var values = Array(repeating: Set<String>(), count: header.count)
        for line in records {
            for (index, field) in Self.fields(line).enumerated() where index < header.count {
                if !field.isEmpty, values[index].count <= limit { values[index].insert(field) }
            }
        }
        var result: [String: [String]] = [:]
        for (index, column) in header.enumerated() where types[column] == "str" && !values[index].isEmpty && values[index].count <= limit {
            result[column] = values[index].sorted()
        }
        return result
    }

    private static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
