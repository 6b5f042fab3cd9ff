import PythonSyntax

/// A Python expression, for files that also import Foundation (whose `Expression` would
/// otherwise be ambiguous).
typealias PyExpression = Expression
