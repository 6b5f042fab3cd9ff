import Diagnostics

/// A requirement the user stated: a spec from a notebook's `!pip install` line, or a
/// `--require` value on the command line.
public struct StatedRequirement: Sendable, Hashable, Codable {
    /// The spec as written (`pandas==2.1.4`, `scikit-learn>=1.3`, `torch[cuda]`).
    public var spec: String
    /// Where it was written, if in a file.
    public var location: SourceLocation?

    /// Creates a stated requirement.
    /// - Parameters:
    ///   - spec: The spec as written.
    ///   - location: Where it is.
    public init(_ spec: String, at location: SourceLocation? = nil) {
        self.spec = spec
        self.location = location
    }
}
