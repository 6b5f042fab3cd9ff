import Diagnostics

extension LoweringEngine {
    /// `EscapedCommand.transform` for `!cmd`, `!!cmd`, `?obj`, `%magic`, and the autocall
    /// escapes `,f a b`, `;f a b`, `/f a b`: the text IPython writes, and what its
    /// `get_ipython()` call becomes as a statement (nil for autocall, which stays a call).
    mutating func escapedCommand(_ text: Scalars, context: Context, line: Int, column: Int, endLine: Int) -> (call: Scalars, replacement: Scalars?) {
        let escape: Scalars
        if text.count > 1, text[0..<2] == ["!", "!"] || text[0..<2] == ["?", "?"] {
            escape = Array(text[0..<2])
        } else {
            escape = Array(text.prefix(1))
        }
        let content = Array(text[escape.count...])
        let contentText = SourceText.string(content)
        let span = (context.sourceLine(line), context.sourceLine(endLine))
        let pass = SourceText.scalars("pass")
        switch SourceText.string(escape) {
        case "!", "!!":
            recordShell(contentText, capturesOutput: escape.count == 2, via: SourceText.string(escape), line: span.0, endLine: span.1)
            let method = escape.count == 2 ? "getoutput" : "system"
            return (SourceText.scalars("get_ipython().\(method)(\(PythonRepr.repr(contentText)))"), pass)
        case "?", "??":
            recordHelp(target: content, detailed: escape.count == 2, context: context, line: line, endLine: endLine)
            if content.isEmpty { return (SourceText.scalars("get_ipython().show_usage()"), pass) }
            return (Self.helpCall(target: content, escape: escape), pass)
        case "%":
            let (name, arguments) = SourceText.partitionAtSpace(content)
            let nameText = SourceText.string(name)
            let argumentText = SourceText.string(arguments)
            let replacement = lineMagicStatement(name: nameText, arguments: argumentText,
                                                 context: context, line: line, column: column, endLine: endLine)
            let call = "get_ipython().run_line_magic(\(PythonRepr.repr(nameText)), \(PythonRepr.repr(argumentText)))"
            return (SourceText.scalars(call), replacement)
        default:
            let call = Self.autocall(escape: escape, content: content)
            facts.append(.ipythonCall(IPythonCall(method: "autocall", arguments: SourceText.string(text),
                                                  line: span.0, endLine: span.1)))
            issue("lowering.autocall", .note, "ipython autocall syntax is rewritten as the call \(SourceText.string(call))",
                  context, line: line, column: column)
            return (call, nil)
        }
    }

    /// `_tr_quote`, `_tr_quote2`, `_tr_paren`.
    static func autocall(escape: Scalars, content: Scalars) -> Scalars {
        let (name, arguments) = SourceText.partitionAtSpace(content)
        let nameText = SourceText.string(name)
        let words = SourceText.string(arguments).split(whereSeparator: { $0.unicodeScalars.allSatisfy(SourceText.isSpace) }).map(String.init)
        switch escape {
        case [","]: return SourceText.scalars("\(nameText)(\"\(words.joined(separator: "\", \""))\")")
        case [";"]: return SourceText.scalars("\(nameText)(\"\(SourceText.string(arguments))\")")
        default: return SourceText.scalars("\(nameText)(\(words.joined(separator: ", ")))")
        }
    }

    mutating func recordHelp(target: Scalars, detailed: Bool, context: Context, line: Int, endLine: Int) {
        facts.append(.help(HelpRequest(target: SourceText.string(target), detailed: detailed,
                                       line: context.sourceLine(line), endLine: context.sourceLine(endLine))))
    }

    /// Records a shell command, or the installs it performs.
    mutating func recordShell(_ command: String, capturesOutput: Bool, via: String, line: Int, endLine: Int) {
        if !recordInstalls(inShell: command, via: via, line: line, endLine: endLine) {
            facts.append(.shell(ShellCommand(command: command, capturesOutput: capturesOutput, line: line, endLine: endLine)))
        }
    }

    /// Records every pip/conda install in a shell command line; returns whether there was one.
    @discardableResult
    mutating func recordInstalls(inShell command: String, via: String, line: Int, endLine: Int) -> Bool {
        let installs = InstallCommandParser.installs(inShell: command, via: via, line: line, endLine: endLine)
        for install in installs { recordInstall(install) }
        return !installs.isEmpty
    }

    mutating func recordInstall(_ install: PackageInstall) {
        facts.append(.install(install))
        for package in install.packages where package.raw.contains("{") || package.raw.contains("$") {
            issues.append(LoweringIssue(id: "lowering.dynamic-install", severity: .warning,
                                        message: "package '\(package.raw)' is computed when the cell runs, so it cannot be pinned",
                                        line: install.line, column: 1))
        }
    }
}
