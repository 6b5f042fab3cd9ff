import PythonSyntax

/// One code cell's plain Python, parsed, with what slicing and re-indenting need: line
/// offsets and the lines that lie inside multi-line strings.
struct CellSource {
    /// A replacement of a byte range of the cell (an insertion when the range is empty).
    struct Edit: Equatable {
        var range: Range<Int>
        var replacement: String
    }

    let cell: Int
    let bytes: [UInt8]
    /// UTF-8 offset of the start of each line (index 0 is line 1).
    let lineStarts: [Int]
    /// 1-based lines that begin inside a multi-line string (or f-string), left byte for byte.
    let protectedLines: Set<Int>
    /// The parsed statements with their facts.
    let analysis: PythonAnalysis

    init(cell: Int, python: String) {
        self.cell = cell
        let normalized = python.contains("\r") ? python.replacing("\r\n", with: "\n").replacing("\r", with: "\n") : python
        bytes = Array(normalized.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        protectedLines = Self.multiLineStringLines(normalized)
        analysis = PythonAnalyzer.analyze(normalized)
    }

    /// Lines strictly after the first line of each multi-line string token, through its last.
    static func multiLineStringLines(_ python: String) -> Set<Int> {
        var lines: Set<Int> = []
        var openFStrings: [Int] = []
        for token in Tokenizer.tokenize(python).tokens {
            switch token.kind {
            case .string where token.range.end.line > token.range.start.line:
                lines.formUnion((token.range.start.line + 1)...token.range.end.line)
            case .fstringStart:
                openFStrings.append(token.range.start.line)
            case .fstringEnd:
                if let start = openFStrings.popLast(), token.range.end.line > start {
                    lines.formUnion((start + 1)...token.range.end.line)
                }
            default:
                break
            }
        }
        return lines
    }

    var lineCount: Int { lineStarts.count }

    /// The offset of the first byte of a 1-based line.
    func lineStart(_ line: Int) -> Int {
        line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    }

    /// The offset just past the last byte of a 1-based line (its newline excluded).
    func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// Whether a line holds only blanks.
    func isBlank(_ line: Int) -> Bool {
        bytes[lineStart(line)..<lineEnd(line)].allSatisfy { $0 == 32 || $0 == 9 || $0 == 12 }
    }

    /// The 1-based line holding a byte offset.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The text of a byte range, with edits (inside the range) applied.
    func text(_ range: Range<Int>, edits: [Edit] = []) -> String {
        var slice = Array(bytes[range])
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound })
        where edit.range.lowerBound >= range.lowerBound && edit.range.upperBound <= range.upperBound {
            let lower = edit.range.lowerBound - range.lowerBound
            let upper = edit.range.upperBound - range.lowerBound
            slice.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// A byte range re-indented by `indent`: every line gets the prefix except blank lines
    /// (left empty) and lines inside multi-line strings (left byte for byte). Edits must not
    /// add or remove line breaks.
    func indented(_ range: Range<Int>, edits: [Edit] = [], indent: String = "    ") -> String {
        let firstLine = line(of: range.lowerBound)
        let text = text(range, edits: edits)
        var out: [String] = []
        for (number, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = firstLine + number
            if protectedLines.contains(lineNumber) {
                out.append(String(content))
            } else if content.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{0C}" }) {
                out.append("")
            } else {
                out.append(indent + content)
            }
        }
        return out.joined(separator: "\n")
    }

    /// The source range of each top-level statement as text to move: leading comment lines
    /// and a trailing comment on its last line included; a statement sharing a line with a
    /// neighbour (`a = 1; b = 2`) gets its exact range. The last statement also takes any
    /// comment lines after it.
    func statementSpans() -> [Range<Int>] {
        let statements = analysis.module?.body ?? []
        var spans: [Range<Int>] = []
        for (index, statement) in statements.enumerated() {
            let startLine = statement.range.start.line
            let endLine = Self.lastLine(statement.range)
            let previousEnd = index > 0 ? Self.lastLine(statements[index - 1].range) : 0
            let nextStart = index + 1 < statements.count ? statements[index + 1].range.start.line : Int.max
            var start: Int
            if previousEnd == startLine {
                start = statement.range.start.offset
            } else {
                var line = previousEnd + 1
                while line < startLine && isBlank(line) { line += 1 }
                start = lineStart(line)
            }
            var end: Int
            if nextStart == endLine {
                end = statement.range.end.offset
            } else if index == statements.count - 1 {
                var last = lineCount
                while last > endLine && isBlank(last) { last -= 1 }
                end = lineEnd(last)
            } else {
                end = lineEnd(endLine)
            }
            start = min(start, statement.range.start.offset)
            end = max(end, min(statement.range.end.offset, bytes.count))
            spans.append(start..<end)
        }
        return spans
    }

    /// The last line a range covers (a range ending at the start of a line stops before it).
    static func lastLine(_ range: SourceRange) -> Int {
        range.end.column == 1 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line
    }
}
