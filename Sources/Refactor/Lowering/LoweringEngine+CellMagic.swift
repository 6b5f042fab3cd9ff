import Diagnostics

extension LoweringEngine {
    /// A cell whose first line is `%%name args`: the body lowered when it is Python (the
    /// `%%` line becomes blank), nil otherwise.
    mutating func lowerCellMagic(_ magic: CellMagicLine, work: [Scalars], context: Context) -> [Scalars]? {
        let body = magic.body
        let language: String
        switch body {
        case .python: language = "python"
        case .shell(let shell): language = shell
        case .other(let other): language = other
        }
        let fact = CellMagic(name: magic.name, arguments: magic.arguments, bodyIsPython: body == .python,
                             language: language, defines: magic.defines, line: context.sourceLine(0))
        facts.append(.cellMagic(fact))
        if cellMagic == nil { cellMagic = fact }
        let bodyLines = Array(work.dropFirst())
        switch body {
        case .python:
            if ["timeit", "prun"].contains(magic.name),
               let setup = TimingMagicOptions.statement(magic: magic.name, arguments: magic.arguments),
               !setup.allSatisfy({ $0 == " " || $0 == "\t" }) {
                issue("lowering.timing-setup-dropped", .warning,
                      "the setup code on the %%\(magic.name) line is not kept in the lowered python",
                      context, line: 0, column: 0)
            }
            guard !bodyLines.isEmpty else { return [SourceText.scalars("\n")] }
            let inner = Context(origin: context.sourceLine(1), bases: Array(context.bases.dropFirst()))
            guard let lowered = lowerLines(bodyLines, origin: inner.origin, bases: inner.bases) else { return nil }
            return [SourceText.scalars("\n")] + lowered
        case .shell:
            scanShellBody(bodyLines, via: "%%" + magic.name, context: context)
            issue("lowering.non-python-cell", .warning,
                  "cell magic %%\(magic.name) runs \(language), not python; the cell is left out of the analysis",
                  context, line: 0, column: 0)
            return nil
        case .other:
            if language == "file" {
                let path = magic.arguments.split(separator: " ").last { !$0.hasPrefix("-") }.map(String.init) ?? ""
                issue("lowering.writefile", .warning,
                      "%%\(magic.name) writes '\(path)' when the notebook runs; the file is not part of the generated project",
                      context, line: 0, column: 0)
            } else {
                issue("lowering.non-python-cell", .warning,
                      "cell magic %%\(magic.name) runs \(language), not python; the cell is left out of the analysis",
                      context, line: 0, column: 0)
            }
            return nil
        }
    }

    /// Records the installs in a shell cell body (backslash-continued lines joined).
    private mutating func scanShellBody(_ lines: [Scalars], via: String, context: Context) {
        var index = 0
        while index < lines.count {
            let end = Self.endOfContinuedLine(lines, from: index)
            let text = Self.assembleContinuedLine(lines, line: index, column: 0, endLine: end)
            recordInstalls(inShell: SourceText.string(text), via: via,
                           line: context.sourceLine(index + 1), endLine: context.sourceLine(end + 1))
            index = end + 1
        }
    }
}
