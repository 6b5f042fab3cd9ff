/// The curated import name → PyPI distribution table, looked up by longest dotted prefix.
///
/// The table ships as `Resources/import-map.tsv`, a file people review and edit. Being in the
/// table is a positive statement: an import that is not in it is never turned into a PyPI
/// name by guessing, because that is how dependency-confusion attacks land.
public struct ImportMap: Sendable {
    /// Every entry, in file order.
    public let entries: [ImportMapEntry]
    private let byPrefix: [String: ImportMapEntry]

    /// Creates a table.
    /// - Parameter entries: The entries; a later duplicate prefix replaces an earlier one.
    public init(entries: [ImportMapEntry]) {
        self.entries = entries
        var byPrefix: [String: ImportMapEntry] = [:]
        for entry in entries {
            byPrefix[entry.importPrefix] = entry
        }
        self.byPrefix = byPrefix
    }

    /// The entry for the longest prefix of `module` in the table, matched on whole dotted
    /// parts and case-sensitively (`google.cloud.storage.blob` → `google.cloud.storage`;
    /// `sklearnx` does not match `sklearn`).
    /// - Parameter module: A dotted module name.
    /// - Returns: The entry, or `nil` when no prefix is in the table.
    public func entry(for module: String) -> ImportMapEntry? {
        var parts = module.split(separator: ".", omittingEmptySubsequences: false)
        while !parts.isEmpty {
            if let entry = byPrefix[parts.joined(separator: ".")] {
                return entry
            }
            parts.removeLast()
        }
        return nil
    }
}
