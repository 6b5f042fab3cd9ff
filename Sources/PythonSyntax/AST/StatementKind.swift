/// The statements of Python 3.12, shaped like CPython's `ast` module.
public indirect enum StatementKind: Sendable, Equatable {
    /// `def` / `async def`.
    case functionDef(FunctionDefinition)
    /// `class`.
    case classDef(ClassDefinition)
    /// `return [value]`.
    case `return`(Expression?)
    /// `del targets`.
    case delete([Expression])
    /// `a = b = value` (targets in order).
    case assign(targets: [Expression], value: Expression)
    /// `type Name[params] = value`.
    case typeAlias(name: Expression, typeParameters: [TypeParameter], value: Expression)
    /// `target op= value` (`op` is the operator without `=`, e.g. `+`).
    case augmentedAssign(target: Expression, op: String, value: Expression)
    /// `target: annotation [= value]`; `simple` when the target is a bare, unparenthesised name.
    case annotatedAssign(target: Expression, annotation: Expression, value: Expression?, simple: Bool)
    /// `for` / `async for`.
    case `for`(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement], isAsync: Bool)
    /// `while`.
    case `while`(test: Expression, body: [Statement], orElse: [Statement])
    /// `if` (an `elif` is an `if` alone in `orElse`).
    case `if`(test: Expression, body: [Statement], orElse: [Statement])
    /// `with` / `async with`.
    case with(items: [WithItem], body: [Statement], isAsync: Bool)
    /// `match`.
    case match(subject: Expression, cases: [MatchCase])
    /// `raise [exception [from cause]]`.
    case raise(exception: Expression?, cause: Expression?)
    /// `try` (`isStar` for `except*`).
    case `try`(body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement], isStar: Bool)
    /// `assert test[, message]`.
    case assert(test: Expression, message: Expression?)
    /// `import a.b as c, d`.
    case `import`([Alias])
    /// `from ..module import names` (`module` is `nil` for `from . import x`).
    case importFrom(module: String?, names: [Alias], level: Int)
    /// `global names`.
    case global([String])
    /// `nonlocal names`.
    case nonlocal([String])
    /// An expression statement.
    case expression(Expression)
    /// `pass`.
    case pass
    /// `break`.
    case `break`
    /// `continue`.
    case `continue`
}
