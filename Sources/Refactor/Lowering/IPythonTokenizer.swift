/// A port of Python 3.11's pure-Python `tokenize._tokenize`, the tokenizer IPython 8 uses in
/// `make_tokens_by_line`. It is lenient the same way: unknown characters (`!`, `?`, `$`) become
/// error tokens, unterminated single-quoted strings become error tokens, and the input may end
/// inside a bracket or a string (reported as `failure`, with the tokens so far).
enum IPythonTokenizer {
    enum Failure: Equatable {
        /// `tokenize.TokenError` (EOF inside a string or statement); IPython tolerates it.
        case endOfInput
        /// `IndentationError` (a dedent to no known level); IPython fails on it.
        case indentation(line: Int)
    }

    struct Result {
        var tokens: [IPythonToken]
        var failure: Failure?
    }

    private static let tabSize = 8

    /// Tokenizes physical lines (each with its terminator).
    static func tokenize(_ lines: [Scalars]) -> Result {
        var tokens: [IPythonToken] = []
        var lnum = 0
        var parenLevel = 0
        var continued = false
        var contString: Scalars = []
        var needContinuation = false
        var stringStart = (0, 0)
        var endQuote: StringEnd = .single("'")
        var indents = [0]
        var lastLine: Scalars = []
        var line: Scalars = []
        var nextIndex = 0

        func add(_ kind: IPythonToken.Kind, _ text: Scalars, _ start: (Int, Int), _ end: (Int, Int)) {
            tokens.append(IPythonToken(kind: kind, text: text, startLine: start.0, startColumn: start.1,
                                       endLine: end.0, endColumn: end.1))
        }

        lineLoop: while true {
            lastLine = line
            line = nextIndex < lines.count ? lines[nextIndex] : []
            nextIndex += 1
            lnum += 1
            var pos = 0
            let max = line.count

            if !contString.isEmpty {
                if line.isEmpty {
                    return Result(tokens: tokens, failure: .endOfInput)
                }
                if let end = endQuote.match(line, from: 0) {
                    pos = end
                    add(.string, contString + line[0..<end], stringStart, (lnum, end))
                    contString = []
                    needContinuation = false
                } else if needContinuation, !SourceText.hasSuffix(line, "\\\n"), !SourceText.hasSuffix(line, "\\\r\n") {
                    add(.errorToken, contString + line, stringStart, (lnum, line.count))
                    contString = []
                    continue lineLoop
                } else {
                    contString += line
                    continue lineLoop
                }
            } else if parenLevel == 0, !continued {
                if line.isEmpty { break lineLoop }
                var column = 0
                while pos < max {
                    switch line[pos] {
                    case " ": column += 1
                    case "\t": column = (column / tabSize + 1) * tabSize
                    case "\u{0C}": column = 0
                    default: break
                    }
                    if line[pos] != " ", line[pos] != "\t", line[pos] != "\u{0C}" { break }
                    pos += 1
                }
                if pos == max { break lineLoop }
                let first = line[pos]
                if first == "#" || first == "\r" || first == "\n" {
                    if first == "#" {
                        var commentEnd = max
                        while commentEnd > pos, line[commentEnd - 1] == "\r" || line[commentEnd - 1] == "\n" {
                            commentEnd -= 1
                        }
                        add(.comment, Array(line[pos..<commentEnd]), (lnum, pos), (lnum, commentEnd))
                        pos = commentEnd
                    }
                    add(.nl, Array(line[pos...]), (lnum, pos), (lnum, max))
                    continue lineLoop
                }
                if let last = indents.last, column > last {
                    indents.append(column)
                    add(.indent, Array(line[0..<pos]), (lnum, 0), (lnum, pos))
                }
                while let last = indents.last, column < last {
                    if !indents.contains(column) {
                        return Result(tokens: tokens, failure: .indentation(line: lnum))
                    }
                    indents.removeLast()
                    add(.dedent, [], (lnum, pos), (lnum, pos))
                }
            } else {
                if line.isEmpty {
                    return Result(tokens: tokens, failure: .endOfInput)
                }
                continued = false
            }

            while pos < max {
                var start = pos
                while start < max, line[start] == " " || line[start] == "\u{0C}" || line[start] == "\t" {
                    start += 1
                }
                guard let end = PseudoToken.match(line, at: start) else {
                    add(.errorToken, [line[pos]], (lnum, pos), (lnum, pos + 1))
                    pos += 1
                    continue
                }
                pos = end
                if start == end { continue }
                let token = Array(line[start..<end])
                let initial = token[0]
                if ("0"..."9").contains(initial) || (initial == "." && token != ["."] && token != [".", ".", "."]) {
                    add(.number, token, (lnum, start), (lnum, end))
                } else if initial == "\r" || initial == "\n" {
                    add(parenLevel > 0 ? .nl : .newline, token, (lnum, start), (lnum, end))
                } else if initial == "#" {
                    add(.comment, token, (lnum, start), (lnum, end))
                } else if let quote = StringPrefix.tripleQuote(of: token) {
                    let ending = StringEnd.triple(quote)
                    if let stringEnd = ending.match(line, from: pos) {
                        pos = stringEnd
                        add(.string, Array(line[start..<stringEnd]), (lnum, start), (lnum, stringEnd))
                    } else {
                        stringStart = (lnum, start)
                        contString = Array(line[start...])
                        endQuote = ending
                        continue lineLoop
                    }
                } else if let quote = StringPrefix.singleQuote(of: token) {
                    if token.last == "\n" {
                        stringStart = (lnum, start)
                        endQuote = .single(quote)
                        contString = Array(line[start...])
                        needContinuation = true
                        continue lineLoop
                    }
                    add(.string, token, (lnum, start), (lnum, end))
                } else if SourceText.startsIdentifier(initial) {
                    add(.name, token, (lnum, start), (lnum, end))
                } else if initial == "\\" {
                    continued = true
                } else {
                    if initial == "(" || initial == "[" || initial == "{" {
                        parenLevel += 1
                    } else if initial == ")" || initial == "]" || initial == "}" {
                        parenLevel -= 1
                    }
                    add(.op, token, (lnum, start), (lnum, end))
                }
            }
        }

        if let lastScalar = lastLine.last, lastScalar != "\r", lastScalar != "\n",
           SourceText.strip(lastLine).first != "#" {
            add(.newline, [], (lnum - 1, lastLine.count), (lnum - 1, lastLine.count + 1))
        }
        for _ in indents.dropFirst() {
            add(.dedent, [], (lnum, 0), (lnum, 0))
        }
        add(.endMarker, [], (lnum, 0), (lnum, 0))
        return Result(tokens: tokens, failure: nil)
    }
}
