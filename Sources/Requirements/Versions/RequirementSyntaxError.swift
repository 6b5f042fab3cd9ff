/// A requirement or version specifier that does not follow PEP 508 / PEP 440.
public struct RequirementSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, lower-case, without a final period.
    public var message: String

    /// Creates an error.
    /// - Parameter message: What is wrong.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
