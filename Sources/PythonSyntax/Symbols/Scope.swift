/// One symbol table block: the module, a function (lambdas and comprehensions included), a
/// class body, or a PEP 695 type-parameter block.
final class Scope {
    enum Kind: Equatable {
        case module
        case function
        case classBody
        case typeParameters
    }

    let kind: Kind
    let index: Int
    let isComprehension: Bool
    let comprehensionKind: String
    var symbols: [String: Int] = [:]
    var children: [Scope] = []
    var resolved: [String: Resolution] = [:]
    var directives: [String: SourcePosition] = [:]
    var iteratorTarget = false
    var iterableExpressionDepth = 0

    init(kind: Kind, index: Int, comprehensionKind: String = "") {
        self.kind = kind
        self.index = index
        self.isComprehension = !comprehensionKind.isEmpty
        self.comprehensionKind = comprehensionKind
    }

    /// Function-like blocks pass their locals down to nested blocks as bound names.
    var isFunctionLike: Bool {
        kind == .function || kind == .typeParameters
    }
}
