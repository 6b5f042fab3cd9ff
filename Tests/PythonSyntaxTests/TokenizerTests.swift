import Testing
@testable import PythonSyntax

/// Edge cases of the Python 3.12 lexical grammar.
@Suite struct TokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: [String]
        var testDescription: String { source.debugDescription }
    }

    /// Renders tokens compactly: `name:x`, `op:(`, `newline`, …
    static func render(_ source: String) -> [String] {
        Tokenizer.tokenize(source).tokens.map { token in
            switch token.kind {
            case .newline, .indent, .dedent, .endOfFile: return token.kind.rawValue
            default: return "\(token.kind.rawValue):\(token.text)"
            }
        }
    }

    static let cases: [Case] = [
        Case(source: "rb'x' BR\"y\" u'z' R'\\d'", expected: ["string:rb'x'", "string:BR\"y\"", "string:u'z'", "string:R'\\d'", "newline", "endOfFile"]),
        Case(source: "'''a\n'b'\n'''", expected: ["string:'''a\n'b'\n'''", "newline", "endOfFile"]),
        Case(source: "f\"{x!r:>{w}}\"", expected: ["fstringStart:f\"", "op:{", "name:x", "op:!", "name:r", "op::", "fstringMiddle:>", "op:{", "name:w", "op:}", "op:}", "fstringEnd:\"", "newline", "endOfFile"]),
        Case(source: "f\"{\"a\"}\"", expected: ["fstringStart:f\"", "op:{", "string:\"a\"", "op:}", "fstringEnd:\"", "newline", "endOfFile"]),
        Case(source: "f'{{x}} {y=}'", expected: ["fstringStart:f'", "fstringMiddle:{{x}} ", "op:{", "name:y", "op:=", "op:}", "fstringEnd:'", "newline", "endOfFile"]),
        Case(source: "Rf'{a[\"k\"]:%Y}'", expected: ["fstringStart:Rf'", "op:{", "name:a", "op:[", "string:\"k\"", "op:]", "op::", "fstringMiddle:%Y", "op:}", "fstringEnd:'", "newline", "endOfFile"]),
        Case(source: "f'{ {\"a\": 1}[\"a\"] }'", expected: ["fstringStart:f'", "op:{", "op:{", "string:\"a\"", "op::", "number:1", "op:}", "op:[", "string:\"a\"", "op:]", "op:}", "fstringEnd:'", "newline", "endOfFile"]),
        Case(source: "f'\\N{DASH} {a}'", expected: ["fstringStart:f'", "fstringMiddle:\\N{DASH} ", "op:{", "name:a", "op:}", "fstringEnd:'", "newline", "endOfFile"]),
        Case(source: "0x_FF 1_000 1e-5 3j .5 1. 0o17 0b10 00", expected: ["number:0x_FF", "number:1_000", "number:1e-5", "number:3j", "number:.5", "number:1.", "number:0o17", "number:0b10", "number:00", "newline", "endOfFile"]),
        Case(source: "1if x else 2", expected: ["number:1", "name:if", "name:x", "name:else", "number:2", "newline", "endOfFile"]),
        Case(source: "a := b -> c **= d @= e ... //= >>= !=", expected: ["name:a", "op::=", "name:b", "op:->", "name:c", "op:**=", "name:d", "op:@=", "name:e", "op:...", "op://=", "op:>>=", "op:!=", "newline", "endOfFile"]),
        Case(source: "a \\\n+ b", expected: ["name:a", "op:+", "name:b", "newline", "endOfFile"]),
        Case(source: "(a,\n  b)\n", expected: ["op:(", "name:a", "op:,", "name:b", "op:)", "newline", "endOfFile"]),
        Case(source: "if x:\n\tpass\n# c\n\nelse:\n        pass\n", expected: ["name:if", "name:x", "op::", "newline", "indent", "name:pass", "newline", "dedent", "name:else", "op::", "newline", "indent", "name:pass", "newline", "dedent", "endOfFile"]),
        Case(source: "ﬁle = café", expected: ["name:file", "op:=", "name:café", "newline", "endOfFile"]),
        Case(source: "match case type _", expected: ["name:match", "name:case", "name:type", "name:_", "newline", "endOfFile"]),
        Case(source: "x = 1 # comment\n", expected: ["name:x", "op:=", "number:1", "newline", "endOfFile"]),
    ]

    @Test(arguments: cases)
    func tokenizes(_ testCase: Case) {
        #expect(Self.render(testCase.source) == testCase.expected)
        #expect(Tokenizer.tokenize(testCase.source).issue == nil)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var source: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { source.debugDescription }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(source: "s = 'abc\n", line: 1, column: 5, message: "unterminated string literal (detected at line 1)"),
        ErrorCase(source: "x = 1\ns = \"\"\"abc\n\n", line: 2, column: 5, message: "unterminated triple-quoted string literal (detected at line 3)"),
        ErrorCase(source: "f = f'{a'\n", line: 1, column: 5, message: "f-string: expecting '}'"),
        ErrorCase(source: "call(1,\n  2\n", line: 1, column: 5, message: "'(' was never closed"),
        ErrorCase(source: "x = [1)\n", line: 1, column: 7, message: "closing parenthesis ')' does not match opening parenthesis '['"),
        ErrorCase(source: "x = 1)\n", line: 1, column: 6, message: "unmatched ')'"),
        ErrorCase(source: "if x:\n    a\n  b\n", line: 3, column: 3, message: "unindent does not match any outer indentation level"),
        ErrorCase(source: "if x:\n\ta\n        b\n", line: 3, column: 9, message: "inconsistent use of tabs and spaces in indentation"),
        ErrorCase(source: "n = 1abc\n", line: 1, column: 6, message: "invalid decimal literal"),
        ErrorCase(source: "n = 0x\n", line: 1, column: 7, message: "invalid hexadecimal literal"),
        ErrorCase(source: "n = 1__0\n", line: 1, column: 7, message: "invalid decimal literal"),
        ErrorCase(source: "n = 012\n", line: 1, column: 5, message: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ErrorCase(source: "€ = 1\n", line: 1, column: 1, message: "invalid character '€' (U+20AC)"),
        ErrorCase(source: "a\u{00A0}= 1\n", line: 1, column: 2, message: "invalid non-printable character U+00A0"),
        ErrorCase(source: "x = 1 \\ y\n", line: 1, column: 7, message: "unexpected character after line continuation character"),
        ErrorCase(source: "b = b'café'\n", line: 1, column: 5, message: "bytes can only contain ascii literal characters"),
        ErrorCase(source: "x = f'a}'\n", line: 1, column: 8, message: "f-string: single '}' is not allowed"),
    ]

    @Test(arguments: errorCases)
    func reportsLexicalErrors(_ testCase: ErrorCase) throws {
        let issue = try #require(Tokenizer.tokenize(testCase.source).issue)
        #expect(issue.message == testCase.message)
        #expect(issue.line == testCase.line)
        #expect(issue.column == testCase.column)
    }

    @Test func tracksLinesAndColumnsInScalars() throws {
        let tokens = Tokenizer.tokenize("é = 1\n  \n\"\"\"a\nb\"\"\" + x\n").tokens
        let one = try #require(tokens.first { $0.text == "1" })
        #expect(one.range.start.line == 1)
        #expect(one.range.start.column == 5)
        #expect(one.range.start.offset == 5)
        let x = try #require(tokens.first { $0.text == "x" })
        #expect(x.range.start.line == 4)
        #expect(x.range.start.column == 8)
    }

    @Test func tooManyNestedParenthesesIsAnError() throws {
        let source = String(repeating: "(", count: 250) + String(repeating: ")", count: 250)
        let issue = try #require(Tokenizer.tokenize(source).issue)
        #expect(issue.message == "too many nested parentheses")
    }
}
