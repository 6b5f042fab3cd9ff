/// A token as Python 3.11's pure-Python `tokenize` module produces it. IPython's input
/// transformers look at these tokens to decide where special syntax starts, so lowering
/// reproduces them exactly rather than using a full Python tokenizer.
struct IPythonToken: Equatable {
    enum Kind: Equatable {
        case name, number, string, op, comment, nl, newline, indent, dedent, errorToken, endMarker
    }

    var kind: Kind
    var text: Scalars
    /// 1-based line of the first character, as `tokenize` reports it.
    var startLine: Int
    /// 0-based column (in code points).
    var startColumn: Int
    var endLine: Int
    var endColumn: Int

    func isOperator(_ string: String) -> Bool {
        kind == .op && text.elementsEqual(string.unicodeScalars)
    }

    func isName(_ string: String) -> Bool {
        kind == .name && text.elementsEqual(string.unicodeScalars)
    }

    var string: String { SourceText.string(text) }

    /// Whether the token's text is exactly this one character.
    func isSingle(_ scalar: Unicode.Scalar) -> Bool {
        text.count == 1 && text[0] == scalar
    }

    /// Whether the token is an opening or closing bracket (by text, as IPython checks).
    var isOpening: Bool { isSingle("(") || isSingle("[") || isSingle("{") }
    var isClosing: Bool { isSingle(")") || isSingle("]") || isSingle("}") }
}
