/// Text split into lines the way CPython's parser splits it (`\n`, `\r\n`, `\r`), each
/// normalised to end in `\n` for the tokenizer, with offsets back into the text.
struct CPythonLines {
    /// The lines, each ending in `\n` (except a last line without a terminator).
    var normalized: [Scalars] = []
    private var starts: [Int] = []
    private var contentEnds: [Int] = []

    init(_ text: Scalars) {
        var start = 0
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "\n" || scalar == "\r" {
                let contentEnd = index
                if scalar == "\r", index + 1 < text.count, text[index + 1] == "\n" { index += 1 }
                append(Array(text[start..<contentEnd]) + ["\n"], start: start, contentEnd: contentEnd)
                start = index + 1
            }
            index += 1
        }
        if start < text.count {
            append(Array(text[start...]), start: start, contentEnd: text.count)
        }
    }

    private mutating func append(_ line: Scalars, start: Int, contentEnd: Int) {
        normalized.append(line)
        starts.append(start)
        contentEnds.append(contentEnd)
    }

    /// The text offset of a 0-based line and column.
    func offset(line: Int, column: Int) -> Int {
        guard line < starts.count else { return contentEnds.last ?? 0 }
        return starts[line] + column
    }
}
