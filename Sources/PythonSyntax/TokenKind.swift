/// The kinds of token the tokenizer produces (CPython's token types, minus comments and
/// non-logical newlines, which the parser never needs).
public enum TokenKind: String, Sendable, Hashable, Codable {
    /// An identifier or keyword (keywords are told apart by their text).
    case name
    /// A numeric literal.
    case number
    /// A complete string or bytes literal (not an f-string), prefix and quotes included.
    case string
    /// The prefix and opening quote of an f-string (`f"`, `rf'''`).
    case fstringStart
    /// Literal text inside an f-string or its format spec.
    case fstringMiddle
    /// The closing quote of an f-string.
    case fstringEnd
    /// An operator or delimiter.
    case op
    /// The end of a logical line.
    case newline
    /// An increase of indentation.
    case indent
    /// A decrease of indentation.
    case dedent
    /// The end of the input.
    case endOfFile
}
