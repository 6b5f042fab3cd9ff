/// A syntax error raised while parsing.
///
/// `lexicalMayWin` marks a generic `invalid syntax` that CPython replaces by a lexical error
/// found further on (an unclosed bracket, an unterminated string), because its parser reads
/// on to the end of the input before giving up.
struct ParseError: Error {
    var issue: SyntaxIssue
    var lexicalMayWin: Bool
    var tokenIndex: Int
}
