/// A parsed cell: its top-level statements, each with an exact source range (decorators
/// included), so later stages can split and re-indent cells.
public struct Module: Sendable, Equatable {
    /// The top-level statements, in source order.
    public var body: [Statement]

    /// Creates a module.
    /// - Parameter body: The statements.
    public init(body: [Statement]) {
        self.body = body
    }
}
