import Diagnostics

/// Finds installs in notebook code cells: `!pip …`, `!!pip …`, `%pip …`, `%conda …`/`%mamba …`,
/// a bare `pip install …` line (IPython's automagic), `!{sys.executable} -m pip …`, and the
/// bodies of `%%bash`/`%%sh`/`%%script bash` cells, and the same written as IPython API calls
/// (`get_ipython().system("pip install …")`, `run_line_magic("pip", "install …")`, what
/// nbconvert and jupytext write). Python code is not executed or parsed.
public enum NotebookFacts {
    /// Extracts the facts of a notebook.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: The `.ipynb` text.
    ///   - reader: How to read the cells.
    /// - Returns: The facts; locations are cell-relative.
    public static func extract(path: String, text: String, reader: any NotebookCellReading) -> FileFacts {
        var facts = FileFacts(path: path)
        let cells: [NotebookCodeCell]
        do {
            cells = try reader.codeCells(in: text, path: path)
        } catch {
            facts.problems.append(error.diagnostic)
            return facts
        }
        for cell in cells {
            facts.ignores += IgnoreScanner.scan(text: cell.source, path: path, cell: cell.index)
            let lineIndex = LineIndex(cell.source)
            for command in shellCommands(in: cell.source) {
                for install in InstallCommandParser.installs(in: command) {
                    let (line, column) = lineIndex.lineAndColumn(of: install.word.offset)
                    facts.installs.append(PackageInstall(
                        ecosystem: install.ecosystem, context: .notebook, spec: install.word.text, name: install.name,
                        pin: install.pin, location: SourceLocation(path: path, cell: cell.index, line: line, column: column)))
                }
            }
        }
        return facts
    }

    /// The shell commands a cell runs, with offsets into the cell source.
    static func shellCommands(in source: String) -> [[ShellWord]] {
        let bytes = Array(source.utf8)
        let lines = DockerfileParser.physicalLines(bytes)
        guard let first = lines.first else { return [] }
        let firstLine = String(decoding: bytes[first], as: UTF8.self).trimmingSpaces
        if firstLine.hasPrefix("%%") {
            let magic = firstLine.dropFirst(2).split(separator: " ").map(String.init)
            let isShell = ["bash", "sh", "script"].contains(magic.first ?? "")
                && (magic.first != "script" || magic.dropFirst().first.map { $0.hasSuffix("sh") } ?? false)
            if isShell {
                let bodyStart = first.upperBound + 1
                guard bodyStart < bytes.count else { return [] }
                return ShellTokenizer.commands(in: MappedText(bytes: bytes[bodyStart...], start: bodyStart))
            }
            guard ["capture", "time", "timeit"].contains(magic.first ?? "") else { return [] }
        }
        var commands: [[ShellWord]] = IPythonCallScanner.commandTexts(in: bytes).flatMap(ShellTokenizer.commands(in:))
        var index = firstLine.hasPrefix("%%") ? 1 : 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard var start = line.first(where: { bytes[$0] != UInt8(ascii: " ") && bytes[$0] != UInt8(ascii: "\t") })
            else { continue }
            var shell = false
            if bytes[start] == UInt8(ascii: "!") {
                start += 1
                if start < line.upperBound, bytes[start] == UInt8(ascii: "!") { start += 1 }
                shell = true
            } else if bytes[start] == UInt8(ascii: "%") {
                let word = String(decoding: bytes[(start + 1)..<line.upperBound].prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
                guard ["pip", "conda", "mamba", "micromamba", "uv"].contains(word) else { continue }
                start += 1
                shell = true
            } else {
                let text = String(decoding: bytes[start..<line.upperBound], as: UTF8.self)
                let words = text.split(separator: " ", maxSplits: 2)
                shell = words.count >= 2 && ["pip", "pip3", "conda", "mamba"].contains(String(words[0]))
                    && ["install", "create"].contains(String(words[1]))
            }
            guard shell else { continue }
            var text = MappedText(endOffset: line.upperBound)
            text.append(bytes[start..<line.upperBound], from: start)
            while text.bytes.last == UInt8(ascii: "\\"), index < lines.count {
                text.removeLast(1)
                text.append(bytes[lines[index]], from: lines[index].lowerBound)
                index += 1
            }
            commands += ShellTokenizer.commands(in: text)
        }
        return commands
    }
}
