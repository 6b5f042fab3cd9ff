import Diagnostics
import Foundation

/// A JSON document `{"findings": […], "problems": […]}`; each finding has `rule`,
/// `equivalents`, `severity`, `file`, `line`, `column` (and `cell` inside notebooks) and
/// `message`. After `--fix` a `fixes` list says what changed (`rule`, `file`, `line`, `column`,
/// `before`, `after`). Keys are sorted so the output is stable.
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

    struct FixEntry: Encodable {
        var rule: String
        var file: String
        var cell: Int?
        var line: Int
        var column: Int
        var before: String
        var after: String
    }

    struct Document: Encodable {
        var findings: [Entry]
        var problems: [Entry]
        /// Present only after `--fix`.
        var fixes: [FixEntry]?
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
        let fixes = report.fixes.map { fix in
            FixEntry(rule: fix.ruleID, file: fix.location.path, cell: fix.location.cell, line: fix.location.line,
                     column: fix.location.column, before: fix.before, after: fix.after)
        }
        let document = Document(
            findings: report.findings.map(Self.entry), problems: report.problems.map(Self.entry),
            fixes: fixes.isEmpty ? nil : fixes)
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
