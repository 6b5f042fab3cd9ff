import Diagnostics
import Foundation

/// A JSON document `{"findings": […], "problems": […]}`; each finding has `rule`,
/// `equivalents`, `severity`, `file`, `line`, `column` (and `cell` inside notebooks) and
/// `message`. Keys are sorted so the output is stable.
public struct JSONReporter: LintReporter {
    /// Creates a JSON reporter.
    public init() {}

    struct Entry: Encodable {
        var rule: String
        var equivalents: [RuleEquivalent]
        var severity: Severity
        var file: String?
        var cell: Int?
        var line: Int?
        var column: Int?
        var message: String
        var notes: [String]
    }

    struct Document: Encodable {
        var findings: [Entry]
        var problems: [Entry]
    }

    static func entry(_ diagnostic: Diagnostic) -> Entry {
        Entry(
            rule: diagnostic.id, equivalents: RuleRegistry.description(of: diagnostic.id)?.equivalents ?? [],
            severity: diagnostic.severity, file: diagnostic.location?.path, cell: diagnostic.location?.cell,
            line: diagnostic.location?.line, column: diagnostic.location?.column, message: diagnostic.message,
            notes: diagnostic.notes)
    }

    public func render(_ report: LintReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(findings: report.findings.map(Self.entry), problems: report.problems.map(Self.entry))
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
