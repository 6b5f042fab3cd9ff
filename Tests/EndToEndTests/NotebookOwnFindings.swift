import Foundation

/// Splits ruff's findings on a converted project into the notebook author's (reported, not
/// nbship's to rewrite: e.g. an ambiguous variable name in their own code, a star import they
/// wrote) and nbship's (failures).
///
/// A finding is the author's when ruff reports the same rule on a line with the same text in
/// the original notebook, and any earlier line it names (`F811 … from cell 2, line 5`) is one
/// the author wrote too, not the explore notebook's setup cell, which nbship writes whole. So
/// an undefined name on a line moved verbatim, or a hoisted import left unused, is nbship's.
enum NotebookOwnFindings {
    /// - Parameters:
    ///   - output: `ruff check --output-format concise` stdout on the project.
    ///   - project: The project folder ruff ran in.
    ///   - notebook: The source notebook.
    ///   - notebookOutput: the same ruff's stdout on the source notebook, run in its folder.
    /// - Returns: The finding lines on the notebook's own code and the rest.
    static func split(_ output: String, project: URL, notebook: URL, notebookOutput: String) -> (notebook: [String], ours: [String]) {
        let authored = authoredLines(notebook)
        let original = Set(findings(notebookOutput).compactMap { finding in
            flaggedLine(finding, project: notebook.deletingLastPathComponent()).map { code(of: finding) + " " + $0 }
        })
        var own: [String] = []
        var ours: [String] = []
        for line in findings(output) {
            let flagged = flaggedLine(line, project: project)
            let earlier = earlierLine(line, project: project)
            if let flagged, original.contains(code(of: line) + " " + flagged), earlier.map(authored.contains) ?? true {
                own.append(line)
            } else {
                ours.append(line)
            }
        }
        return (own, ours)
    }

    /// The lines of ruff's concise output that are findings.
    private static func findings(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.firstMatch(of: #/:\d+:\d+: [A-Z]+[0-9]+ /#) != nil }
    }

    /// A finding's rule code (`F811`).
    private static func code(of finding: String) -> String {
        finding.firstMatch(of: #/:\d+:\d+: ([A-Z]+[0-9]+) /#).map { String($0.1) } ?? ""
    }

    /// The notebook's code lines, stripped.
    private static func authoredLines(_ notebook: URL) -> Set<String> {
        guard let data = try? Data(contentsOf: notebook),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = object["cells"] as? [[String: Any]] else { return [] }
        var lines: Set<String> = []
        for cell in cells where cell["cell_type"] as? String == "code" {
            let source = (cell["source"] as? [String])?.joined() ?? (cell["source"] as? String) ?? ""
            for line in source.split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { lines.insert(text) }
            }
        }
        return lines
    }

    /// The stripped source line a finding points at (`path:line:col:` in a file, or
    /// `path:cell N:line:col:` in a notebook).
    private static func flaggedLine(_ finding: String, project: URL) -> String? {
        if let match = finding.firstMatch(of: #/^(.+?\.ipynb):cell (\d+):(\d+):\d+: /#) {
            return notebookLine(String(match.1), cell: Int(match.2), line: Int(match.3), project: project)
        }
        guard let match = finding.firstMatch(of: #/^(.+?):(\d+):\d+: /#) else { return nil }
        return fileLine(String(match.1), line: Int(match.2), project: project)
    }

    /// The earlier line a finding names in its message (`… from cell 2, line 5` in a notebook,
    /// `… from line 8` in a file), `nil` when it names none.
    private static func earlierLine(_ finding: String, project: URL) -> String? {
        if let match = finding.firstMatch(of: #/^(.+?\.ipynb):cell \d+:\d+:\d+: .* from cell (\d+), line (\d+)/#) {
            return notebookLine(String(match.1), cell: Int(match.2), line: Int(match.3), project: project) ?? ""
        }
        guard let match = finding.firstMatch(of: #/^(.+?):\d+:\d+: .* from line (\d+)/#) else { return nil }
        return fileLine(String(match.1), line: Int(match.2), project: project) ?? ""
    }

    /// A line of a notebook cell (ruff counts every cell, from 1), stripped; `""` (nobody's line
    /// the author wrote) in the explore notebook's setup cell, which nbship writes whole.
    private static func notebookLine(_ path: String, cell: Int?, line: Int?, project: URL) -> String? {
        guard let cell, let line,
              let data = try? Data(contentsOf: project.appendingPathComponent(path)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = object["cells"] as? [[String: Any]],
              cell >= 1, cell <= cells.count else { return nil }
        if cells[cell - 1]["id"] as? String == "explore-1" { return "" }
        let source = (cells[cell - 1]["source"] as? [String])?.joined() ?? ""
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : nil
    }

    /// A line of a project file, stripped.
    private static func fileLine(_ path: String, line: Int?, project: URL) -> String? {
        guard let line, let text = try? String(contentsOf: project.appendingPathComponent(path), encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : nil
    }
}
