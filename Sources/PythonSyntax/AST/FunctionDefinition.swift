/// A `def` or `async def`.
public struct FunctionDefinition: Sendable, Equatable {
    /// The function name.
    public var name: String
    /// PEP 695 type parameters (`def f[T]`).
    public var typeParameters: [TypeParameter]
    /// The parameters.
    public var arguments: Arguments
    /// The return annotation.
    public var returns: Expression?
    /// The body.
    public var body: [Statement]
    /// Decorator expressions, top to bottom.
    public var decorators: [Expression]
    /// `async def`.
    public var isAsync: Bool

    /// Creates a function definition.
    public init(name: String, typeParameters: [TypeParameter], arguments: Arguments, returns: Expression?, body: [Statement], decorators: [Expression], isAsync: Bool) {
        self.name = name
        self.typeParameters = typeParameters
        self.arguments = arguments
        self.returns = returns
        self.body = body
        self.decorators = decorators
        self.isAsync = isAsync
    }
}
