import Diagnostics

extension LoweringEngine {
    /// The replacement for a line magic used as a statement: `pass`, or for `%time`,
    /// `%timeit`, `%prun` and `%debug` the statement they run (lowered in turn).
    mutating func lineMagicStatement(name: String, arguments: String, context: Context, line: Int, column: Int, endLine: Int) -> Scalars {
        let span = (context.sourceLine(line), context.sourceLine(endLine))
        let pass = SourceText.scalars("pass")
        switch name {
        case "pinfo", "pinfo2", "psearch":
            facts.append(.help(HelpRequest(target: arguments.strippingCharacters(" \t"), detailed: name == "pinfo2",
                                           line: span.0, endLine: span.1)))
            return pass
        case "pip", "conda", "mamba", "micromamba":
            if let install = InstallCommandParser.magicInstall(tool: name, arguments: arguments, line: span.0, endLine: span.1) {
                recordInstall(install)
                return pass
            }
        case "sx", "system":
            recordShell(arguments, capturesOutput: name == "sx", via: "%" + name, line: span.0, endLine: span.1)
            return pass
        default:
            break
        }
        facts.append(.lineMagic(LineMagic(name: name, arguments: arguments, line: span.0, endLine: span.1)))
        magicIssues(name: name, arguments: arguments, context: context, line: line, column: column)
        guard let body = TimingMagicOptions.statement(magic: name, arguments: arguments) else {
            if name == "debug" {
                issue("lowering.debug-breakpoint", .warning, "%debug with a breakpoint is lowered to nothing; its statement is not kept",
                      context, line: line, column: column)
            }
            return pass
        }
        // IPython runs the statement through `transform_cell` too.
        let bodyScalars = SourceText.scalars(body)
        let bodyColumn = column + 1 + name.unicodeScalars.count + 1 + (arguments.unicodeScalars.count - bodyScalars.count)
        let baseColumn = context.sourceColumn(line: line, column: bodyColumn) - 1
        let inner = Context(origin: context.sourceLine(line), bases: [baseColumn])
        guard let lowered = lowerLines([bodyScalars + ["\n"]], origin: inner.origin, bases: inner.bases),
              lowered.count == 1 else {
            return pass
        }
        let text = Array(lowered[0].dropLast())
        return Self.hasStatement(lowered) ? text : pass
    }

    /// Whether lines hold any Python token besides comments and blank lines.
    static func hasStatement(_ lines: [Scalars]) -> Bool {
        let tokens = IPythonTokenizer.tokenize(lines).tokens
        return tokens.contains { ![.comment, .nl, .newline, .indent, .dedent, .endMarker].contains($0.kind) }
    }

    private mutating func magicIssues(name: String, arguments: String, context: Context, line: Int, column: Int) {
        let words = arguments.split(separator: " ").map(String.init)
        switch name {
        case "run":
            issue("lowering.run-defines-unknown-names", .warning,
                  "%run executes another script in this namespace; the names it defines are unknown",
                  context, line: line, column: column)
        case "load":
            issue("lowering.load-replaces-cell", .warning, "%load replaces the cell with a file's contents, which are not analysed",
                  context, line: line, column: column)
        case "store" where words.contains("-r"):
            issue("lowering.store-restores-names", .warning, "%store -r restores names from ipython's database; they are unknown here",
                  context, line: line, column: column)
        case let magic where magic.hasPrefix("%"):
            issue("lowering.cell-magic-not-first", .warning,
                  "cell magic %\(magic) is only recognised on the first line of a cell; ipython runs it as a line magic",
                  context, line: line, column: column)
        default:
            break
        }
    }
}
