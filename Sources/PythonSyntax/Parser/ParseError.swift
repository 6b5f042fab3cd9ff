/// A syntax error raised while parsing; `generic` marks a plain `invalid syntax`, which CPython
/// replaces by a lexical error found later in the input (an unclosed bracket, for instance).
struct ParseError: Error {
    var issue: SyntaxIssue
    var generic: Bool
    var tokenIndex: Int
}
