/// A PEP 695 type parameter: `T`, `T: Bound`, `*Ts`, `**P` (with an optional PEP 696 default).
public struct TypeParameter: Sendable, Equatable {
    /// Which sort of parameter.
    public enum Kind: String, Sendable, Equatable {
        /// `T` or `T: bound`.
        case typeVar
        /// `*Ts`.
        case typeVarTuple
        /// `**P`.
        case paramSpec
    }

    /// The sort.
    public var kind: Kind
    /// The parameter name.
    public var name: String
    /// The bound or constraints (`T: int`, `T: (int, str)`).
    public var bound: Expression?
    /// The default (`T = int`).
    public var defaultValue: Expression?
    /// Where it is.
    public var range: SourceRange

    /// Creates a type parameter.
    public init(kind: Kind, name: String, bound: Expression?, defaultValue: Expression?, range: SourceRange) {
        self.kind = kind
        self.name = name
        self.bound = bound
        self.defaultValue = defaultValue
        self.range = range
    }
}
