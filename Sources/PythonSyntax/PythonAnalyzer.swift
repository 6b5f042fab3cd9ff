/// The **analyse** stage: Python source → ``PythonAnalysis`` (``CellFacts``, syntax tree and
/// syntax errors), computed the way CPython's `ast` and `symtable` see the code.
public enum PythonAnalyzer {
    /// Analyses one cell of plain Python (IPython syntax already lowered away).
    ///
    /// Never traps: deep nesting, odd characters and truncated input all end in a
    /// `python.syntax` issue. Carriage returns are read as newlines, as CPython does.
    /// - Parameter source: The cell's source.
    /// - Returns: Facts, the syntax tree (`nil` if the cell does not parse) and diagnostics.
    public static func analyze(_ source: String) -> PythonAnalysis {
        let normalized = source.utf8.contains(UInt8(ascii: "\r"))
            ? source.replacingCarriageReturns()
            : source
        let tokenized = Tokenizer.tokenize(normalized)
        var parser = Parser(tokens: tokenized.tokens)
        let (body, parseError) = parser.parseModule()

        var issue: SyntaxIssue?
        if let parseError {
            if let lexical = tokenized.issue,
               parseError.tokenIndex >= tokenized.tokens.count - 1 || (parseError.lexicalMayWin && tokenized.issueWinsOverGenericError) {
                issue = lexical
            } else {
                issue = parseError.issue
            }
        } else if let lexical = tokenized.issue {
            issue = lexical
        }

        let builder = SymbolTableBuilder()
        builder.build(body)
        if issue == nil, let symbolIssue = builder.issue {
            issue = symbolIssue
        }
        let collector = FactCollector(builder: builder, statementCount: body.count)
        let statements = zip(body, collector.statementFacts).map { StatementFacts(range: $0.range, facts: $1) }
        return PythonAnalysis(
            facts: collector.cellFacts,
            module: parseError == nil && tokenized.issue == nil ? Module(body: body) : nil,
            diagnostics: issue.map { [$0] } ?? [],
            statements: statements)
    }
}

extension String {
    /// `\r\n` and lone `\r` read as `\n`, like CPython's universal newlines.
    func replacingCarriageReturns() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
