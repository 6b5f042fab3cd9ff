import Foundation

/// One code cell to compare: where it came from and its source.
struct CorpusCell: Sendable {
    var origin: String
    var source: String

    /// Every code cell of every notebook under the shared corpus, then every `# %%` cell of
    /// the `.py` fixtures, in a stable order.
    static func all() throws -> [CorpusCell] {
        try notebookCells(under: Paths.corpusNotebooks) + fixtureCells(under: Paths.pythonFixtures)
    }

    static func files(under root: URL, withExtension ext: String) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == ext {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    static func notebookCells(under root: URL) throws -> [CorpusCell] {
        var cells: [CorpusCell] = []
        for url in files(under: root, withExtension: "ipynb") {
            let data = try Data(contentsOf: url)
            guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            var rawCells = json["cells"] as? [[String: Any]] ?? []
            if let worksheets = json["worksheets"] as? [[String: Any]] {
                rawCells += worksheets.flatMap { $0["cells"] as? [[String: Any]] ?? [] }
            }
            for (index, cell) in rawCells.enumerated() where cell["cell_type"] as? String == "code" {
                let raw = cell["source"] ?? cell["input"]
                let source = (raw as? [String])?.joined() ?? (raw as? String) ?? ""
                let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
                cells.append(CorpusCell(origin: "\(name)#\(index)", source: source))
            }
        }
        return cells
    }

    /// Fixture files hold several cells separated by `# %%` lines (jupytext's percent format).
    static func fixtureCells(under root: URL) throws -> [CorpusCell] {
        var cells: [CorpusCell] = []
        for url in files(under: root, withExtension: "py") {
            let text = try String(contentsOf: url, encoding: .utf8)
            var current: [Substring] = []
            var index = 0
            func flush() {
                let source = current.joined(separator: "\n")
                if !source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    cells.append(CorpusCell(origin: "\(url.lastPathComponent)#\(index)", source: source + "\n"))
                }
                index += 1
                current = []
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("# %%") {
                    flush()
                } else {
                    current.append(line)
                }
            }
            flush()
        }
        return cells
    }

    /// Whether the cell uses IPython syntax (`%magic`, `!shell`, `obj?`), which plain Python
    /// rejects and the lowering stage removes.
    var looksLikeIPython: Bool {
        for line in source.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("%") || trimmed.hasPrefix("!") || trimmed.hasPrefix("?") || trimmed.hasSuffix("?") {
                return true
            }
            if trimmed.hasPrefix("pip install") || trimmed.hasPrefix("conda install") || trimmed.contains("= !") {
                return true
            }
        }
        return false
    }
}
