import Diagnostics
import Yams

/// Turns a Yams error into a located `lint.parse-error`.
enum YAMLProblem {
    static func diagnostic(for error: any Error, path: String) -> Diagnostic {
        var line = 1
        var column = 1
        var message = "invalid YAML"
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                line = mark.line
                column = mark.column
                message = "invalid YAML: \(problem)"
            default:
                message = "invalid YAML: \(error)".lowercased()
            }
        }
        return .error("lint.parse-error", message, at: SourceLocation(path: path, line: line, column: column))
    }
}
