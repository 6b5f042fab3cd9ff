/// Why nbship cannot read an interpreter's environment from disk and must start it instead.
public struct UnrecognisedLayout: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What was not recognised, lower-case, e.g. `'/usr/bin/py' is a script`.
    public var reason: String

    /// Creates a reason.
    /// - Parameter reason: What was not recognised.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
