import Diagnostics

extension StandardLibrary {
    /// Parses the TSV text (columns: module, added, removed, note).
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - path: The file's name, for diagnostics.
    /// - Throws: ``DiagnosticError`` (`requirements.invalid-table`) for an unreadable version.
    public init(tsv text: String, path: String = "stdlib-modules.tsv") throws(DiagnosticError) {
        var modules: [String: Span] = [:]
        for row in TSVTable(text).rows {
            let location = SourceLocation(path: path, line: row.line, column: 1)
            var versions: [PythonVersion?] = []
            for cell in [row[1], row[2]] {
                if cell.isEmpty {
                    versions.append(nil)
                } else if let version = PythonVersion(cell) {
                    versions.append(version)
                } else {
                    throw DiagnosticError(.error("requirements.invalid-table", "'\(cell)' is not a python version", at: location))
                }
            }
            modules[row[0]] = Span(added: versions[0], removed: versions[1], note: row[3])
        }
        self.init(modules: modules)
    }

    /// The list shipped with nbship (`Resources/stdlib-modules.tsv`, compiled into the binary
    /// as ``StandardLibraryData``, so it works wherever the executable is copied).
    /// - Throws: ``DiagnosticError`` (`requirements.invalid-table`) when the list is invalid.
    public static func bundled() throws(DiagnosticError) -> StandardLibrary {
        try StandardLibrary(tsv: StandardLibraryData.tsv, path: "stdlib-modules.tsv")
    }
}
