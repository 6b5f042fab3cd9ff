import Diagnostics
import TOMLKit

/// Parses a TOML file for the rules, turning a syntax error into a located
/// `lint.parse-error` problem of the file's facts.
enum TOMLDocument {
    /// The file's top-level table, or `nil` (with the problem recorded) when it does not parse.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - facts: The facts the problem is added to; `facts.path` locates it.
    /// - Returns: The table.
    static func parse(_ text: String, into facts: inout FileFacts) -> TOMLTable? {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            facts.problems.append(.error(
                "lint.parse-error", "invalid TOML: \(error.description)",
                at: SourceLocation(path: facts.path, line: error.source.begin.line, column: error.source.begin.column)))
        } catch {
            facts.problems.append(.error("lint.parse-error", "invalid TOML", at: SourceLocation(path: facts.path, line: 1, column: 1)))
        }
        return nil
    }
}
