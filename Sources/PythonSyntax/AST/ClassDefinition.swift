/// A `class` statement.
public struct ClassDefinition: Sendable, Equatable {
    /// The class name.
    public var name: String
    /// PEP 695 type parameters (`class C[T]`).
    public var typeParameters: [TypeParameter]
    /// Positional bases.
    public var bases: [Expression]
    /// Keywords (`metaclass=…`; a `nil` name is `**kwargs`).
    public var keywords: [Keyword]
    /// The body.
    public var body: [Statement]
    /// Decorator expressions, top to bottom.
    public var decorators: [Expression]

    /// Creates a class definition.
    public init(name: String, typeParameters: [TypeParameter], bases: [Expression], keywords: [Keyword], body: [Statement], decorators: [Expression]) {
        self.name = name
        self.typeParameters = typeParameters
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }
}
