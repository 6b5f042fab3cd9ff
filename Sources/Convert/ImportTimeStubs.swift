import PythonSyntax

/// Finds the statements of a Python module that run when it is imported (outside every
/// function body, including class bodies and top-level `if`/`for`/`with`/`try` blocks), so a
/// starter module whose solution stub would raise on import is caught before it is written.
enum ImportTimeStubs {
    /// The 1-based lines of `raise` statements that run at import time.
    /// - Parameter source: A module's source (one that does not parse has none).
    /// - Returns: The lines, in source order.
    static func raiseLines(in source: String) -> [Int] {
        guard let module = PythonAnalyzer.analyze(source).module else { return [] }
        var found: [Int] = []
        walk(module.body, into: &found)
        return found
    }

    private static func walk(_ statements: [Statement], into found: inout [Int]) {
        for statement in statements {
            switch statement.kind {
            case .raise:
                found.append(statement.range.start.line)
            case .classDef(let definition):
                walk(definition.body, into: &found)
            case .for(_, _, let body, let orElse, _), .while(_, let body, let orElse), .if(_, let body, let orElse):
                walk(body, into: &found)
                walk(orElse, into: &found)
            case .with(_, let body, _):
                walk(body, into: &found)
            case .try(let body, let handlers, let orElse, let finally, _):
                walk(body, into: &found)
                for handler in handlers { walk(handler.body, into: &found) }
                walk(orElse, into: &found)
                walk(finally, into: &found)
            case .match(_, let cases):
                for matchCase in cases { walk(matchCase.body, into: &found) }
            default:
                continue
            }
        }
    }
}
