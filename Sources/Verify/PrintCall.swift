import PythonSyntax

/// A `print(…)` call in a cell, reduced to what its output line must contain: the words of
/// its literal text (string arguments, the literal parts of f-strings, `%` and `.format`
/// templates), in order.
struct PrintCall: Sendable, Equatable {
    /// The index of the top-level statement it is in.
    var statement: Int
    /// Literal fragments that hold a letter, white space collapsed, in order.
    var fragments: [String]
    /// Whether an argument is not a literal (a value the output shows).
    var printsValues: Bool
    /// Whether the call sits in a loop (it may print several lines).
    var inLoop: Bool

    /// Whether a recorded line can be this call's: every fragment occurs in it, in order.
    func matches(_ line: OutputLine) -> Bool {
        guard !fragments.isEmpty else { return false }
        let text = OutputLine.collapsingSpace(line.text)
        var rest = Substring(text)
        for fragment in fragments {
            guard let range = rest.range(of: fragment) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// The print calls of a parsed cell, statement by statement (calls inside `def` and
    /// `class` bodies left out: they print when called, elsewhere).
    static func calls(in module: Module) -> [PrintCall] {
        var out: [PrintCall] = []
        for (index, statement) in module.body.enumerated() {
            switch statement.kind {
            case .functionDef, .classDef: continue
            default: break
            }
            let loop = containsLoop(statement)
            SyntaxWalk.expressions(in: statement) { expression in
                guard case .call(let function, let arguments, _) = expression.kind,
                      case .name("print", _) = function.kind else { return }
                var fragments: [String] = []
                var values = false
                for argument in arguments {
                    let literal = LiteralText(argument)
                    fragments += literal.fragments
                    values = values || literal.hasValues
                }
                out.append(PrintCall(statement: index, fragments: fragments.filter { $0.contains(where: \.isLetter) },
                                     printsValues: values, inLoop: loop))
            }
        }
        return out
    }

    private static func containsLoop(_ statement: Statement) -> Bool {
        var work = [statement]
        while let next = work.popLast() {
            switch next.kind {
            case .for, .while: return true
            default: work += SyntaxWalk.childStatements(of: next)
            }
        }
        return false
    }
}

extension OutputLine {
    /// White space runs collapsed to one space, trimmed.
    static func collapsingSpace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
