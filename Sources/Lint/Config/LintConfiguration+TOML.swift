import Foundation
import Diagnostics
import TOMLKit

extension LintConfiguration {
    /// Reads `.nbship.toml`. The keys may sit at the top level or in a `[lint]` table:
    ///
    ///     policy = "app"                      # or "library"
    ///     strict = false                      # true turns on every opt-in rule
    ///     enable = ["image.missing-digest"]   # nbship or peer ids (DL3008 …)
    ///     disable = ["apt.unpinned"]
    ///     allowed-registries = ["docker.io", "ghcr.io/my-org"]
    ///     floating-tags = ["stable", "lts"]
    ///     exclude = ["fixtures/", "templates/**", "*.generated.txt"]
    ///     [severity]
    ///     "image.untagged" = "error"
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file, for diagnostics.
    /// - Returns: The configuration.
    /// - Throws: ``DiagnosticError`` (`lint.invalid-config`) for bad TOML, unknown keys, ids or values.
    public static func parse(toml text: String, path: String) throws(DiagnosticError) -> LintConfiguration {
        if let (line, column) = TOMLPrecheck.unsafeHeader(in: text) {
            throw DiagnosticError(.error(
                "lint.invalid-config", "invalid TOML: a table name must start with a letter, digit, '_', '-' or a quote",
                at: SourceLocation(path: path, line: line, column: column)))
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DiagnosticError(.error(
                "lint.invalid-config", "invalid TOML: \(error.description)",
                at: SourceLocation(path: path, line: error.source.begin.line, column: error.source.begin.column)))
        } catch {
            throw DiagnosticError(.error("lint.invalid-config", "invalid TOML", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let table = root["lint"]?.table ?? root
        func fail(_ message: String, key: String) -> DiagnosticError {
            let lineIndex = LineIndex(text)
            let offset = text.utf8.count - (text.range(of: key).map { text[$0.lowerBound...].utf8.count } ?? text.utf8.count)
            let (line, column) = lineIndex.lineAndColumn(of: offset)
            return DiagnosticError(.error("lint.invalid-config", message, at: SourceLocation(path: path, line: line, column: column)))
        }
        func strings(_ key: String) throws(DiagnosticError) -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else { throw fail("'\(key)' must be a list of strings", key: key) }
            var result: [String] = []
            for element in array {
                guard let string = element.string else { throw fail("'\(key)' must be a list of strings", key: key) }
                result.append(string)
            }
            return result
        }
        func ruleIDs(_ key: String) throws(DiagnosticError) -> Set<String> {
            let ids = try strings(key) ?? []
            for id in ids where RuleRegistry.ruleIDs(matching: id).isEmpty {
                throw fail("unknown rule id '\(id)' in '\(key)'", key: id)
            }
            return Set(ids)
        }

        let known: Set<String> = ["policy", "strict", "enable", "disable", "allowed-registries", "floating-tags", "severity", "exclude"]
        for key in table.keys where !known.contains(key) && !(table === root && key == "lint") {
            throw fail("unknown key '\(key)'", key: key)
        }
        var configuration = LintConfiguration()
        if let policy = table["policy"] {
            guard let name = policy.string, let value = DependencyPolicy(rawValue: name) else {
                throw fail("'policy' must be \"app\" or \"library\"", key: "policy")
            }
            configuration.policy = value
        }
        if let strict = table["strict"] {
            guard let value = strict.bool else { throw fail("'strict' must be true or false", key: "strict") }
            configuration.strict = value
        }
        configuration.enabled = try ruleIDs("enable")
        configuration.disabled = try ruleIDs("disable")
        configuration.allowedRegistries = try strings("allowed-registries") ?? []
        if let tags = try strings("floating-tags") { configuration.floatingTags = Set(tags) }
        configuration.excluded = (try strings("exclude") ?? []).map(PathPattern.init)
        if let severities = table["severity"] {
            guard let severityTable = severities.table else { throw fail("'severity' must be a table", key: "severity") }
            for key in severityTable.keys {
                let ids = RuleRegistry.ruleIDs(matching: key)
                guard !ids.isEmpty else { throw fail("unknown rule id '\(key)' in 'severity'", key: key) }
                guard let name = severityTable[key]?.string, let severity = Severity(rawValue: name) else {
                    throw fail("severity of '\(key)' must be \"error\", \"warning\" or \"note\"", key: key)
                }
                for id in ids { configuration.severities[id] = severity }
            }
        }
        return configuration
    }
}
