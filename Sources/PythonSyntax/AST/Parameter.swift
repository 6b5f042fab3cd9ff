/// One parameter of a function or lambda.
public struct Parameter: Sendable, Equatable {
    /// The parameter name.
    public var name: String
    /// Its annotation (never set for lambdas).
    public var annotation: Expression?
    /// Where the name (and annotation) are.
    public var range: SourceRange

    /// Creates a parameter.
    public init(name: String, annotation: Expression?, range: SourceRange) {
        self.name = name
        self.annotation = annotation
        self.range = range
    }
}
