import Diagnostics
import Yams

/// The lines of a YAML text, for what Yams does not keep: trailing comments and locations.
struct YAMLLines {
    let lines: [Substring]
    let path: String

    init(text: String, path: String) {
        self.lines = text.physicalLines
        self.path = path
    }

    /// Where a node starts.
    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The comment after a scalar on its line (`# v4.1.7`), without `#` and spaces.
    func trailingComment(after node: Node) -> String? {
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        let start = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: max(0, mark.column - 1),
                                              limitedBy: line.unicodeScalars.endIndex) ?? line.unicodeScalars.endIndex
        let rest = Substring(line.unicodeScalars[start...])
        guard let hash = rest.range(of: " #") ?? rest.range(of: "\t#") else { return nil }
        let comment = rest[hash.upperBound...].trimmingSpaces
        return comment.isEmpty ? nil : comment
    }

    /// Parses every document, or returns the located problem.
    static func documents(_ text: String, path: String) -> ([Node], Diagnostic?) {
        var documents: [Node] = []
        do {
            var sequence = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
            while let document = sequence.next() { documents.append(document) }
            if let error = sequence.error { throw error }
        } catch {
            return (documents, YAMLProblem.diagnostic(for: error, path: path))
        }
        return (documents, nil)
    }
}
