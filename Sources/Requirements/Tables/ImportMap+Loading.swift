import Diagnostics

extension ImportMap {
    /// The marker the table uses for a module no package index provides.
    static let notInstallableMarker = "(none)"

    /// Parses the table's TSV text (columns: import, distribution, note, also).
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - path: The file's name, for diagnostics.
    /// - Throws: ``DiagnosticError`` (`requirements.invalid-table`) for a row without an
    ///   import or a distribution, an invalid distribution name, or a duplicate import.
    public init(tsv text: String, path: String = "import-map.tsv") throws(DiagnosticError) {
        let table = TSVTable(text)
        var entries: [ImportMapEntry] = []
        var seen: Set<String> = []
        for row in table.rows {
            let location = SourceLocation(path: path, line: row.line, column: 1)
            let prefix = row[0]
            let distribution = row[1]
            guard !prefix.isEmpty, !distribution.isEmpty else {
                throw DiagnosticError(.error("requirements.invalid-table", "row needs an import and a distribution", at: location))
            }
            guard seen.insert(prefix).inserted else {
                throw DiagnosticError(.error("requirements.invalid-table", "import '\(prefix)' is listed twice", at: location))
            }
            let equivalents = row[3].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            for name in [distribution] + equivalents where name != Self.notInstallableMarker && !DistributionName.isValid(name) {
                throw DiagnosticError(.error("requirements.invalid-table", "'\(name)' is not a valid distribution name", at: location))
            }
            entries.append(ImportMapEntry(
                importPrefix: prefix,
                distribution: distribution == Self.notInstallableMarker ? nil : distribution,
                note: row[2],
                equivalents: equivalents
            ))
        }
        self.init(entries: entries)
    }

    /// The table shipped with nbship (`Resources/import-map.tsv`, compiled into the binary as
    /// ``ImportMapData``, so it works wherever the executable is copied).
    /// - Throws: ``DiagnosticError`` (`requirements.invalid-table`) when the table is invalid.
    public static func bundled() throws(DiagnosticError) -> ImportMap {
        try ImportMap(tsv: ImportMapData.tsv, path: "import-map.tsv")
    }
}
