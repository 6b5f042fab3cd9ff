/// One token of Python source.
public struct Token: Sendable, Hashable, Codable {
    /// What kind of token it is.
    public var kind: TokenKind
    /// The token's source text (empty for indent, dedent and end of file).
    public var text: String
    /// Where it is.
    public var range: SourceRange

    /// Creates a token.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - text: The source text.
    ///   - range: The span.
    public init(kind: TokenKind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}
