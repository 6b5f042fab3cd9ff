/// Finds the line of a cell that imports a module, to locate requirement diagnostics.
enum ImportLocator {
    /// The 1-based line of the first `import`/`from` statement naming `module`, else 1.
    /// - Parameters:
    ///   - module: The dotted module name.
    ///   - source: The cell's Python.
    /// - Returns: The line.
    static func line(of module: String, in source: String) -> Int {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix("import ") || text.hasPrefix("from ") else { continue }
            if text.contains(module) { return index + 1 }
        }
        return 1
    }
}
