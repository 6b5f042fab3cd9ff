import Diagnostics

/// Finds `# nbship: ignore[ID, …] -- reason` and `# nbship: ignore-file[ID, …] -- reason`
/// comments. Without `[…]` the comment covers every rule.
public enum IgnoreScanner {
    /// The ignore comments in a text.
    /// - Parameters:
    ///   - text: The file text (or a notebook cell's source).
    ///   - path: The file, for locations.
    ///   - cell: The notebook cell index, if the text is a cell.
    /// - Returns: The directives in order.
    public static func scan(text: String, path: String, cell: Int?) -> [IgnoreDirective] {
        var directives: [IgnoreDirective] = []
        // Most files have no pragma at all: one pass over the bytes says so.
        let hasOwn = ByteSearch.contains("nbship:", in: text)
        let hasPeer = ["hadolint", "trivy:", "checkov:", "zizmor:"].contains { ByteSearch.contains($0, in: text) }
        guard hasOwn || hasPeer else { return [] }
        for (lineNumber, line) in text.physicalLines.enumerated() {
            guard line.utf8.contains(UInt8(ascii: "#")) else { continue }
            if hasPeer, ["hadolint", "trivy:", "checkov:", "zizmor:"].contains(where: { ByteSearch.contains($0, in: line) }) {
                var hash = line.firstIndex(of: "#")
                while let found = hash {
                    let before = line[..<found]
                    directives += PeerPragmaScanner.directives(
                        comment: line[line.index(after: found)...], path: path, cell: cell, line: lineNumber + 1,
                        column: before.unicodeScalars.count + 1, standsAlone: before.allSatisfy { $0 == " " || $0 == "\t" })
                    hash = line[line.index(after: found)...].firstIndex(of: "#")
                }
            }
            guard hasOwn, ByteSearch.contains("nbship:", in: line) else { continue }
            var searchStart = line.startIndex
            while let hash = line[searchStart...].firstIndex(of: "#") {
                searchStart = line.index(after: hash)
                var rest = line[line.index(after: hash)...].drop { $0 == " " || $0 == "\t" }
                guard rest.hasPrefix("nbship:") else { continue }
                rest = rest.dropFirst("nbship:".count).drop { $0 == " " || $0 == "\t" }
                let isFileLevel = rest.hasPrefix("ignore-file")
                guard isFileLevel || rest.hasPrefix("ignore") else { continue }
                rest = rest.dropFirst(isFileLevel ? "ignore-file".count : "ignore".count)
                var ids: [String] = []
                if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    ids = rest[rest.index(after: rest.startIndex)..<close]
                        .split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                    rest = rest[rest.index(after: close)...]
                }
                rest = rest.drop { $0 == " " || $0 == "\t" }
                var reason: String?
                if rest.hasPrefix("--") {
                    let text = rest.dropFirst(2).trimmingSpaces
                    reason = text.isEmpty ? nil : text
                }
                let before = line[..<hash]
                let column = before.unicodeScalars.count + 1
                directives.append(IgnoreDirective(
                    ruleIDs: ids, reason: reason, isFileLevel: isFileLevel,
                    standsAlone: before.allSatisfy { $0 == " " || $0 == "\t" },
                    location: SourceLocation(path: path, cell: cell, line: lineNumber + 1, column: column)))
                break
            }
        }
        return directives
    }
}
