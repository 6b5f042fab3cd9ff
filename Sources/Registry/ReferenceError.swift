/// A reference that cannot be parsed.
public struct ReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reference as given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid image reference '\(text)': \(reason)" }
}
