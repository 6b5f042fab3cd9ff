/// A port of Python 3.11's pure-Python `tokenize._tokenize`, the tokenizer IPython 8 uses in
/// `make_tokens_by_line`. It is lenient the same way: unknown characters (`!`, `?`, `$`) become
/// error tokens, unterminated single-quoted strings become error tokens, and the input may end
/// inside a bracket or a string (reported as `failure`, with the tokens so far).
///
/// It is fed one line at a time, so a caller can keep its state at each line start and resume
/// after an edit (see ``TokenCache``).
struct IPythonTokenizer {
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

    /// What happened to one line.
    enum Step: Equatable {
        /// Ready for the next line.
        case more
        /// The input ended (`break` out of the line loop): call ``finish(into:)``.
        case stopped
        /// `tokenize` raised.
        case failed(Failure)
    }

    private static let tabSize = 8

    private(set) var lnum = 0
    private var parenLevel = 0
    private var continued = false
    private var contString: Scalars = []
    private var needContinuation = false
    private var stringStart = (line: 0, column: 0)
    private var endQuote: StringEnd = .single("'")
    private var indents = [0]
    private var lastLine: Scalars = []
    private var line: Scalars = []

    /// Tokenizes physical lines (each with its terminator).
    static func tokenize(_ lines: [Scalars]) -> Result {
        var tokenizer = IPythonTokenizer()
        var tokens: [IPythonToken] = []
        var index = 0
        while true {
            switch tokenizer.feed(index < lines.count ? lines[index] : [], into: &tokens) {
            case .more:
                index += 1
            case .stopped:
                tokenizer.finish(into: &tokens)
                return Result(tokens: tokens, failure: nil)
            case .failed(let failure):
                return Result(tokens: tokens, failure: failure)
            }
        }
    }

    /// Whether tokenizing the same lines from this state gives the same tokens as from `other`.
    func continuesLike(_ other: IPythonTokenizer) -> Bool {
        lnum == other.lnum && parenLevel == other.parenLevel && continued == other.continued
            && contString.isEmpty && other.contString.isEmpty && indents == other.indents
    }

    /// The end of input: implicit NEWLINE, remaining DEDENTs, ENDMARKER.
    func finish(into tokens: inout [IPythonToken]) {
        if let lastScalar = lastLine.last, lastScalar != "\r", lastScalar != "\n",
           SourceText.strip(lastLine).first != "#" {
            tokens.append(Self.token(.newline, [], (lnum - 1, lastLine.count), (lnum - 1, lastLine.count + 1)))
        }
        for _ in indents.dropFirst() {
            tokens.append(Self.token(.dedent, [], (lnum, 0), (lnum, 0)))
        }
        tokens.append(Self.token(.endMarker, [], (lnum, 0), (lnum, 0)))
    }

    private static func token(_ kind: IPythonToken.Kind, _ text: Scalars, _ start: (Int, Int), _ end: (Int, Int)) -> IPythonToken {
        IPythonToken(kind: kind, text: text, startLine: start.0, startColumn: start.1, endLine: end.0, endColumn: end.1)
    }

    /// One turn of `_tokenize`'s line loop; an empty line means end of input.
    mutating func feed(_ newLine: Scalars, into tokens: inout [IPythonToken]) -> Step {
        func add(_ kind: IPythonToken.Kind, _ text: Scalars, _ start: (Int, Int), _ end: (Int, Int)) {
            tokens.append(Self.token(kind, text, start, end))
        }
        lastLine = line
        line = newLine
        lnum += 1
        var pos = 0
        let max = line.count

        if !contString.isEmpty {
            if line.isEmpty { return .failed(.endOfInput) }
            if let end = endQuote.match(line, from: 0) {
                pos = end
                add(.string, contString + line[0..<end], stringStart, (lnum, end))
                contString = []
                needContinuation = false
            } else if needContinuation, !SourceText.hasSuffix(line, "\\\n"), !SourceText.hasSuffix(line, "\\\r\n") {
                add(.errorToken, contString + line, stringStart, (lnum, line.count))
                contString = []
                return .more
            } else {
                contString += line
                return .more
            }
        } else if parenLevel == 0, !continued {
            if line.isEmpty { return .stopped }
            var column = 0
            scan: while pos < max {
                switch line[pos] {
                case " ": column += 1
                case "\t": column = (column / Self.tabSize + 1) * Self.tabSize
                case "\u{0C}": column = 0
                default: break scan
                }
                pos += 1
            }
            if pos == max { return .stopped }
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
                return .more
            }
            if let last = indents.last, column > last {
                indents.append(column)
                add(.indent, Array(line[0..<pos]), (lnum, 0), (lnum, pos))
            }
            while let last = indents.last, column < last {
                if !indents.contains(column) { return .failed(.indentation(line: lnum)) }
                indents.removeLast()
                add(.dedent, [], (lnum, pos), (lnum, pos))
            }
        } else {
            if line.isEmpty { return .failed(.endOfInput) }
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
            let initial = line[start]
            if ("0"..."9").contains(initial)
                || (initial == "." && !(end - start == 1 || (end - start == 3 && line[start + 1] == "." && line[start + 2] == "."))) {
                add(.number, Array(line[start..<end]), (lnum, start), (lnum, end))
            } else if initial == "\r" || initial == "\n" {
                add(parenLevel > 0 ? .nl : .newline, Array(line[start..<end]), (lnum, start), (lnum, end))
            } else if initial == "#" {
                add(.comment, Array(line[start..<end]), (lnum, start), (lnum, end))
            } else if let quote = StringPrefix.tripleQuote(of: line[start..<end]) {
                let ending = StringEnd.triple(quote)
                if let stringEnd = ending.match(line, from: pos) {
                    pos = stringEnd
                    add(.string, Array(line[start..<stringEnd]), (lnum, start), (lnum, stringEnd))
                } else {
                    stringStart = (lnum, start)
                    contString = Array(line[start...])
                    endQuote = ending
                    return .more
                }
            } else if let quote = StringPrefix.singleQuote(of: line[start..<end]) {
                if line[end - 1] == "\n" {
                    stringStart = (lnum, start)
                    endQuote = .single(quote)
                    contString = Array(line[start...])
                    needContinuation = true
                    return .more
                }
                add(.string, Array(line[start..<end]), (lnum, start), (lnum, end))
            } else if SourceText.startsIdentifier(initial) {
                add(.name, Array(line[start..<end]), (lnum, start), (lnum, end))
            } else if initial == "\\" {
                continued = true
            } else {
                if initial == "(" || initial == "[" || initial == "{" {
                    parenLevel += 1
                } else if initial == ")" || initial == "]" || initial == "}" {
                    parenLevel -= 1
                }
                add(.op, Array(line[start..<end]), (lnum, start), (lnum, end))
            }
        }
        return .more
    }
}
