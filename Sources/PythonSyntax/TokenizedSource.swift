/// The tokens of a source, and the first lexical error if there is one.
///
/// On an error, `tokens` holds every token before the error (ending with an end-of-file token)
/// so the parser can still recover the statements that precede it.
public struct TokenizedSource: Sendable, Equatable {
    /// The tokens, always ending with ``TokenKind/endOfFile``.
    public var tokens: [Token]
    /// The first lexical error, if any.
    public var issue: SyntaxIssue?
    /// Whether the error is one CPython reports in preference to a generic parse error
    /// (an unclosed bracket or an unterminated string runs to the end of the input).
    public var issueWinsOverGenericError: Bool

    /// Creates a result.
    /// - Parameters:
    ///   - tokens: The tokens.
    ///   - issue: The lexical error, if any.
    ///   - issueWinsOverGenericError: Whether the error beats a later generic parse error.
    public init(tokens: [Token], issue: SyntaxIssue?, issueWinsOverGenericError: Bool = false) {
        self.tokens = tokens
        self.issue = issue
        self.issueWinsOverGenericError = issueWinsOverGenericError
    }
}
