/// A keyword argument `name=value`, or `**value` when `name` is `nil`.
public struct Keyword: Sendable, Equatable {
    /// The keyword, or `nil` for `**mapping`.
    public var name: String?
    /// The value.
    public var value: Expression

    /// Creates a keyword argument.
    public init(name: String?, value: Expression) {
        self.name = name
        self.value = value
    }
}
