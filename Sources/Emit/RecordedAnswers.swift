import Diagnostics
import TOMLKit

/// The answers read back from a project's `.nbship-answers.toml`, to render it again.
public struct RecordedAnswers: Sendable, Equatable {
    /// The template the project was rendered from (`_template`).
    public var template: String
    /// The recorded values (`[answers]`), by variable name.
    public var values: [String: String]

    /// Creates recorded answers.
    public init(template: String, values: [String: String]) {
        self.template = template
        self.values = values
    }

    /// Parses an answers file written by ``TemplateAnswers/file(for:values:generator:)``.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file, as named in diagnostics.
    /// - Returns: The template name and values.
    /// - Throws: `template.invalid-answers`, located.
    public static func parse(toml text: String, path: String) throws(DiagnosticError) -> RecordedAnswers {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DiagnosticError(.error(
                "template.invalid-answers", "invalid TOML: \(error.description.lowercased())",
                at: SourceLocation(path: path, line: error.source.begin.line, column: error.source.begin.column)))
        } catch {
            throw DiagnosticError(.error("template.invalid-answers", "invalid TOML", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let template = root["_template"]?.string else {
            throw DiagnosticError(.error("template.invalid-answers", "the answers file has no '_template'", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var values: [String: String] = [:]
        if let answers = root["answers"]?.table {
            for key in answers.keys {
                guard let value = answers[key]?.string else {
                    throw DiagnosticError(.error(
                        "template.invalid-answers", "answer '\(key)' must be a string", at: SourceLocation(path: path, line: 1, column: 1)))
                }
                values[key] = value
            }
        }
        return RecordedAnswers(template: template, values: values)
    }
}
