import Foundation

/// A tokenizer for the Python 3.12 lexical grammar, f-strings included (PEP 701).
///
/// It works on UTF-8 bytes, tracks lines and columns as it goes, and stops at the first
/// lexical error. Comments and blank lines produce no tokens.
public struct Tokenizer {
    struct LexError: Error {
        var issue: SyntaxIssue
        var winsOverGenericError: Bool
    }

    struct Field {
        var depth: Int
        var inSpec: Bool
    }

    struct FStringMode {
        var quote: UInt8
        var triple: Bool
        var raw: Bool
        var start: SourcePosition
        var fields: [Field] = []
    }

    /// The deepest bracket nesting accepted (CPython's limit).
    static let maxParenDepth = 200
    /// The deepest indentation accepted (CPython's limit).
    static let maxIndentDepth = 100

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    var cacheLineStart = -1
    var cacheOffset = 0
    var cacheColumn = 1
    var tokens: [Token] = []
    var parens: [(byte: UInt8, position: SourcePosition)] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var atLineStart = true
    var lineHasTokens = false
    var modes: [FStringMode] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Tokenizes Python source.
    /// - Parameter source: The source text.
    /// - Returns: The tokens and the first lexical error, if any.
    public static func tokenize(_ source: String) -> TokenizedSource {
        var tokenizer = Tokenizer(bytes: Array(source.utf8))
        return tokenizer.run()
    }

    mutating func run() -> TokenizedSource {
        do {
            try scanAll()
            return TokenizedSource(tokens: tokens, issue: nil)
        } catch let error as LexError {
            let end = position(index)
            tokens.append(Token(kind: .endOfFile, text: "", range: SourceRange(start: end, end: end)))
            return TokenizedSource(tokens: tokens, issue: error.issue, issueWinsOverGenericError: error.winsOverGenericError)
        } catch {
            let end = position(index)
            tokens.append(Token(kind: .endOfFile, text: "", range: SourceRange(start: end, end: end)))
            return TokenizedSource(tokens: tokens, issue: SyntaxIssue(message: "invalid syntax", position: end))
        }
    }

    // MARK: - Positions

    mutating func position(_ offset: Int) -> SourcePosition {
        let offset = max(lineStart, min(offset, bytes.count))
        var column = 1
        var from = lineStart
        if cacheLineStart == lineStart && offset >= cacheOffset {
            column = cacheColumn
            from = cacheOffset
        }
        var cursor = from
        while cursor < offset {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        cacheLineStart = lineStart
        cacheOffset = offset
        cacheColumn = column
        return SourcePosition(offset: offset, line: line, column: column)
    }

    mutating func startNewLine() {
        line += 1
        lineStart = index
    }

    func byte(at offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    func text(_ start: Int, _ end: Int) -> String {
        let low = max(0, min(start, bytes.count))
        let high = max(low, min(end, bytes.count))
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    mutating func emit(_ kind: TokenKind, _ text: String, from start: SourcePosition, to end: SourcePosition) {
        tokens.append(Token(kind: kind, text: text, range: SourceRange(start: start, end: end)))
        if kind != .newline && kind != .indent && kind != .dedent {
            lineHasTokens = true
        }
    }

    mutating func fail(_ message: String, at position: SourcePosition, wins: Bool = false) -> LexError {
        LexError(issue: SyntaxIssue(message: message, position: position), winsOverGenericError: wins)
    }

    // MARK: - Main loop

    mutating func scanAll() throws {
        while true {
            if let mode = modes.last {
                if mode.fields.isEmpty || mode.fields.last?.inSpec == true {
                    try scanFStringLiteral()
                    continue
                }
            } else if atLineStart && parens.isEmpty {
                try scanIndentation()
            }
            skipSpaces()
            guard index < bytes.count else {
                try finish()
                return
            }
            let c = bytes[index]
            switch c {
            case UInt8(ascii: "#"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\\"):
                try scanContinuation()
            case UInt8(ascii: "\n"):
                let start = position(index)
                index += 1
                if parens.isEmpty && modes.isEmpty {
                    if lineHasTokens {
                        emit(.newline, "\n", from: start, to: SourcePosition(offset: index, line: start.line, column: start.column + 1))
                    }
                    atLineStart = true
                    lineHasTokens = false
                }
                startNewLine()
            case 0:
                throw fail("source code cannot contain null bytes", at: position(index))
            default:
                if Self.isIdentifierStart(c) {
                    try scanNameOrString()
                } else if Self.isDigit(c) || (c == UInt8(ascii: ".") && Self.isDigit(byte(at: index + 1))) {
                    try scanNumber()
                } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    try scanString(prefixStart: index, prefix: "")
                } else {
                    try scanOperator()
                }
            }
        }
    }

    mutating func skipSpaces() {
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == 0x0C {
                index += 1
            } else {
                break
            }
        }
    }

    mutating func scanContinuation() throws {
        let here = position(index)
        if byte(at: index + 1) == UInt8(ascii: "\n") {
            index += 2
            startNewLine()
            if index >= bytes.count {
                throw fail("unexpected eof while parsing", at: position(index))
            }
        } else {
            throw fail("unexpected character after line continuation character", at: here)
        }
    }

    mutating func finish() throws {
        if let mode = modes.last {
            throw unterminatedFString(mode)
        }
        if let open = parens.last {
            throw fail("'\(Character(Unicode.Scalar(open.byte)))' was never closed", at: open.position, wins: true)
        }
        let end = position(index)
        if lineHasTokens {
            emit(.newline, "", from: end, to: end)
        }
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, "", from: end, to: end)
        }
        emit(.endOfFile, "", from: end, to: end)
    }

    // MARK: - Indentation

    mutating func scanIndentation() throws {
        var column = 0
        var altColumn = 0
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: " ") {
                column += 1
                altColumn += 1
            } else if c == UInt8(ascii: "\t") {
                column = (column / 8 + 1) * 8
                altColumn += 1
            } else if c == 0x0C {
                column = 0
                altColumn = 0
            } else {
                break
            }
            index += 1
        }
        let c = byte(at: index)
        if index >= bytes.count || c == UInt8(ascii: "#") || c == UInt8(ascii: "\n") {
            return  // blank line: indentation does not count
        }
        if c == UInt8(ascii: "\\") && byte(at: index + 1) == UInt8(ascii: "\n") {
            return  // a line that only continues: CPython does not count it either
        }
        atLineStart = false
        let here = position(index)
        guard let current = indents.last, let altCurrent = altIndents.last else { return }
        if column == current {
            if altColumn != altCurrent {
                throw fail("inconsistent use of tabs and spaces in indentation", at: here)
            }
        } else if column > current {
            if altColumn <= altCurrent {
                throw fail("inconsistent use of tabs and spaces in indentation", at: here)
            }
            if indents.count >= Self.maxIndentDepth {
                throw fail("too many levels of indentation", at: here)
            }
            indents.append(column)
            altIndents.append(altColumn)
            emit(.indent, "", from: here, to: here)
        } else {
            while let last = indents.last, column < last, indents.count > 1 {
                indents.removeLast()
                altIndents.removeLast()
                emit(.dedent, "", from: here, to: here)
            }
            if indents.last != column {
                throw fail("unindent does not match any outer indentation level", at: here)
            }
            if altIndents.last != altColumn {
                throw fail("inconsistent use of tabs and spaces in indentation", at: here)
            }
        }
    }
}
