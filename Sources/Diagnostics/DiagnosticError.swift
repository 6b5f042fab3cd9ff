/// An error that carries one fatal ``Diagnostic``.
///
/// Stages throw this for problems that stop them (invalid JSON, an unsupported kernel);
/// recoverable problems are returned alongside the result instead.
public struct DiagnosticError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fatal diagnostic.
    public var diagnostic: Diagnostic

    /// Wraps a diagnostic.
    /// - Parameter diagnostic: The fatal problem.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    public var description: String {
        DiagnosticRenderer(colour: false).render(diagnostic)
    }
}
