/// The expressions of Python 3.12, shaped like CPython's `ast` module.
public indirect enum ExpressionKind: Sendable, Equatable {
    /// `a and b and c` / `a or b`.
    case boolean(op: String, values: [Expression])
    /// `target := value`.
    case named(target: Expression, value: Expression)
    /// `left op right` (`+`, `**`, `@`, …).
    case binary(left: Expression, op: String, right: Expression)
    /// `not x`, `-x`, `+x`, `~x`.
    case unary(op: String, operand: Expression)
    /// `lambda args: body`.
    case lambda(arguments: Arguments, body: Expression)
    /// `body if test else orElse`.
    case conditional(test: Expression, body: Expression, orElse: Expression)
    /// `{k: v, **m}` (a `nil` key is `**value`).
    case dict(keys: [Expression?], values: [Expression])
    /// `{a, b}`.
    case set([Expression])
    /// `[elt for …]`.
    case listComprehension(element: Expression, generators: [Comprehension])
    /// `{elt for …}`.
    case setComprehension(element: Expression, generators: [Comprehension])
    /// `{k: v for …}`.
    case dictComprehension(key: Expression, value: Expression, generators: [Comprehension])
    /// `(elt for …)`.
    case generator(element: Expression, generators: [Comprehension])
    /// `await value`.
    case await(Expression)
    /// `yield [value]`.
    case yield(Expression?)
    /// `yield from value`.
    case yieldFrom(Expression)
    /// `a < b <= c` (operators like `not in`, `is not` spelled with one space).
    case compare(left: Expression, ops: [String], comparators: [Expression])
    /// `function(args, keywords)`.
    case call(function: Expression, arguments: [Expression], keywords: [Keyword])
    /// A replacement field of an f-string: `{value!conversion:spec}`.
    case formattedValue(value: Expression, conversion: Character?, formatSpec: Expression?)
    /// An f-string (possibly concatenated with plain strings): literal parts and fields.
    case joinedString([Expression])
    /// A literal.
    case constant(Constant)
    /// `value.attribute`.
    case attribute(value: Expression, attribute: String, context: ExpressionContext)
    /// `value[slice]`.
    case `subscript`(value: Expression, slice: Expression, context: ExpressionContext)
    /// `*value`.
    case starred(Expression, context: ExpressionContext)
    /// A name.
    case name(String, context: ExpressionContext)
    /// `[a, b]`.
    case list([Expression], context: ExpressionContext)
    /// `(a, b)` or `a, b`.
    case tuple([Expression], context: ExpressionContext)
    /// `lower:upper:step` inside a subscript.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
}
