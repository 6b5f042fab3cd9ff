import Foundation

/// Splits ruff's findings on a converted project into those on lines the notebook's author
/// wrote (kept verbatim, e.g. a mutable default argument in their own function: reported, not
/// nbship's to rewrite) and those on lines nbship wrote or changed (failures).
enum NotebookOwnFindings {
    /// - Parameters:
    ///   - output: `ruff check --output-format concise` stdout.
    ///   - project: The project folder ruff ran in.
    ///   - notebook: The source notebook.
    /// - Returns: The finding lines on the notebook's own code and the rest.
    static func split(_ output: String, project: URL, notebook: URL) -> (notebook: [String], ours: [String]) {
        let authored = authoredLines(notebook)
        var own: [String] = []
        var ours: [String] = []
        for line in output.split(separator: "\n").map(String.init) {
            guard line.firstMatch(of: #/:\d+:\d+: [A-Z]+[0-9]+ /#) != nil else { continue }
            if let text = flaggedLine(line, project: project), authored.contains(text) {
                own.append(line)
            } else {
                ours.append(line)
            }
        }
        return (own, ours)
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
            guard let cell = Int(match.2), let line = Int(match.3),
                  let data = try? Data(contentsOf: project.appendingPathComponent(String(match.1))),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let cells = object["cells"] as? [[String: Any]],  // ruff counts every cell, from 1
                  cell >= 1, cell <= cells.count else { return nil }
            let source = (cells[cell - 1]["source"] as? [String])?.joined() ?? ""
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            return line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : nil
        }
        guard let match = finding.firstMatch(of: #/^(.+?):(\d+):\d+: /#), let line = Int(match.2),
              let text = try? String(contentsOf: project.appendingPathComponent(String(match.1)), encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : nil
    }
}
