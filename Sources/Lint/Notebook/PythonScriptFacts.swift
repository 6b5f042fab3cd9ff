import Diagnostics

/// Reads a `.py` file exported from a notebook: `get_ipython().system("pip install …")` and
/// `get_ipython().run_line_magic("pip", "install …")` calls (what `jupyter nbconvert --to
/// script` writes), and in a jupytext script (a `# %%` cell marker or a `jupytext` header) the
/// magics jupytext comments out (`# !pip install …`, `# %pip install …`). Other Python files
/// have no facts; nothing is executed.
public enum PythonScriptFacts {
    /// Extracts the facts of a Python file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts; installs have the notebook context.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        let hasCalls = ByteSearch.contains("get_ipython()", in: text)
        let isJupytext = ByteSearch.contains("# %%", in: text) || ByteSearch.contains("jupytext", in: text)
        guard hasCalls || isJupytext else { return facts }
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let bytes = Array(text.utf8)
        var commands = hasCalls ? IPythonCallScanner.commandTexts(in: bytes).flatMap(ShellTokenizer.commands(in:)) : []
        if isJupytext {
            for line in DockerfileParser.physicalLines(bytes) {
                guard var start = line.first(where: { bytes[$0] != UInt8(ascii: " ") && bytes[$0] != UInt8(ascii: "\t") }),
                      bytes[start] == UInt8(ascii: "#") else { continue }
                start += 1
                while start < line.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
                guard start < line.upperBound else { continue }
                if bytes[start] == UInt8(ascii: "!") {
                    start += 1
                } else if bytes[start] == UInt8(ascii: "%") {
                    let word = String(decoding: bytes[(start + 1)..<line.upperBound].prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
                    guard IPythonCallScanner.packageMagics.contains(word) else { continue }
                    start += 1
                } else {
                    continue
                }
                commands += ShellTokenizer.commands(in: MappedText(bytes: bytes[start..<line.upperBound], start: start))
            }
        }
        let lineIndex = LineIndex(text)
        for command in commands {
            for install in InstallCommandParser.installs(in: command) {
                let (line, column) = lineIndex.lineAndColumn(of: install.word.offset)
                facts.installs.append(PackageInstall(
                    ecosystem: install.ecosystem, context: .notebook, spec: install.word.text, name: install.name,
                    pin: install.pin, location: SourceLocation(path: path, line: line, column: column)))
            }
        }
        facts.installs.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }
}
