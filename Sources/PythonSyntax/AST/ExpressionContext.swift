/// Whether an expression is read, assigned or deleted (CPython's `Load`, `Store`, `Del`).
public enum ExpressionContext: String, Sendable, Equatable {
    /// Read.
    case load
    /// Assigned.
    case store
    /// Deleted.
    case delete
}
