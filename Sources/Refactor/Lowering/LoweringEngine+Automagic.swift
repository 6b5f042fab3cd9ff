extension LoweringEngine {
    private static let automagicTools: Set<String> = ["pip", "pip3", "conda", "mamba"]

    /// A statement line `pip install …` (IPython's automagic turns it into `%pip install …`
    /// in a one-line cell; elsewhere it is a syntax error) becomes `pass` and an install fact.
    mutating func rewriteAutomagicInstalls(_ lines: [Scalars], context: Context) -> [Scalars] {
        var work = lines
        // Every site has an `install` or `uninstall` name token; without one, skip tokenizing.
        guard SourceText.contains(Array(lines.joined()), "install") else { return work }
        let result = IPythonTokenizer.tokenize(work)
        if case .indentation = result.failure { return work }
        var sites: [(line: Int, column: Int)] = []
        for group in TokenTransformFinder.group(result.tokens) {
            var first = 0
            while first < group.count, group[first].kind == .indent || group[first].kind == .dedent { first += 1 }
            guard first + 1 < group.count, group[first].kind == .name, Self.automagicTools.contains(group[first].string),
                  group[first + 1].isName("install") || group[first + 1].isName("uninstall"),
                  group[first + 1].startLine == group[first].startLine else { continue }
            sites.append((group[first].startLine - 1, group[first].startColumn))
        }
        var handledThrough = -1
        for site in sites where site.line > handledThrough {
            let end = Self.endOfContinuedLine(work, from: site.line)
            let text = SourceText.string(Self.assembleContinuedLine(work, line: site.line, column: site.column, endLine: end))
            let (tool, arguments) = SourceText.partitionAtSpace(SourceText.scalars(text))
            let span = (context.sourceLine(site.line), context.sourceLine(end))
            if let install = InstallCommandParser.magicInstall(tool: SourceText.string(tool), arguments: SourceText.string(arguments),
                                                               line: span.0, endLine: span.1, via: "automagic") {
                recordInstall(install)
            }
            let indent = Array(work[site.line][..<site.column])
            Self.replace(&work, from: site.line, through: end, with: indent + SourceText.scalars("pass"))
            handledThrough = end
        }
        return work
    }
}
