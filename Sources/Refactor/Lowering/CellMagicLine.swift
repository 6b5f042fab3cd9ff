/// The first line of a cell as IPython's `cell_magic` transform reads it:
/// `magic_name, _, first_line = lines[0][2:].rstrip().partition(' ')`.
struct CellMagicLine {
    var name: String
    var arguments: String

    /// Nil unless the line starts with `%%` (and is not a `%%name?` help request).
    init?(_ line: Scalars) {
        guard SourceText.hasPrefix(line, "%%") else { return nil }
        var index = 2
        while index < line.count, SourceText.isWord(line[index]) { index += 1 }
        if index > 2, index < line.count, line[index] == "?" { return nil }
        let (name, arguments) = SourceText.partitionAtSpace(SourceText.rstrip(Array(line[2...])))
        self.name = SourceText.string(name)
        self.arguments = SourceText.string(arguments)
    }

    /// What the body is.
    enum Body: Equatable {
        /// Python run in the kernel.
        case python
        /// Shell commands (scanned for installs).
        case shell(String)
        /// Anything else, with its language.
        case other(String)
    }

    var body: Body {
        switch name {
        case "time", "timeit", "capture", "prun", "debug", "python", "python3":
            return .python
        case "bash", "sh": return .shell(name)
        case "!", "sx", "system": return .shell("shell")
        case "script":
            let interpreter = arguments.split(separator: " ").first { !$0.hasPrefix("-") }.map {
                String($0.split(separator: "/").last ?? $0)
            } ?? ""
            if interpreter == "python" || (interpreter.hasPrefix("python3") && interpreter.dropFirst(7).allSatisfy { $0.isNumber || $0 == "." }) {
                return .python
            }
            if ["bash", "sh", "zsh"].contains(interpreter) { return .shell(interpreter) }
            return .other(interpreter.isEmpty ? "script" : interpreter)
        case "html", "HTML": return .other("html")
        case "javascript", "js": return .other("javascript")
        case "latex": return .other("latex")
        case "markdown": return .other("markdown")
        case "svg": return .other("svg")
        case "R": return .other("r")
        case "sql": return .other("sql")
        case "perl": return .other("perl")
        case "ruby": return .other("ruby")
        case "writefile", "file": return .other("file")
        default: return .other(name)
        }
    }

    /// Names the magic binds itself: `%%capture out` binds `out`.
    var defines: [String] {
        guard name == "capture" else { return [] }
        return arguments.split(separator: " ").first { !$0.hasPrefix("-") }.map { [String($0)] } ?? []
    }
}
