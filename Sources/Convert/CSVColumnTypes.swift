/// Column types sampled from CSV files (see ``CSVSample``): `float` when every sampled value
/// is empty or a number, else `str`.
enum CSVColumnTypes {
    /// Reads the header and up to 500 rows of each file (simple CSV: a quoted field makes the
    /// file count as unreadable and it is skipped).
    /// - Parameter paths: CSV files.
    /// - Returns: Type by column name (the first file naming a column wins).
    static func read(_ paths: [String]) -> [String: String] {
        var types: [String: String] = [:]
        for sample in paths.compactMap(CSVSample.init(path:)) {
            types.merge(sample.types) { first, _ in first }
        }
        return types
    }
}
