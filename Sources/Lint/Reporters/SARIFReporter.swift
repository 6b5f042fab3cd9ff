import Diagnostics
import Foundation

/// SARIF 2.1.0: one run whose driver lists every rule (`rules`, with peer equivalents under
/// `properties`), results pointing at repository-relative URIs under `%SRCROOT%`, and
/// `partialFingerprints` that do not change when lines move (rule, file, message and the
/// occurrence number of that triple). Read problems are tool execution notifications. What
/// `--fix` changed is a result of kind `pass` (level `none`) with `before` and `after` properties.
public struct SARIFReporter: LintReporter {
    /// The directory URIs are made relative to (the repository root), absolute.
    public var root: String?
    /// The tool version recorded in the log.
    public var toolVersion: String

    /// Creates a SARIF reporter.
    /// - Parameters:
    ///   - root: The repository root; absolute paths under it become relative.
    ///   - toolVersion: nbship's version.
    public init(root: String? = nil, toolVersion: String = "0.1.0") {
        self.root = root
        self.toolVersion = toolVersion
    }

    public func render(_ report: LintReport) -> String {
        let rules = RuleRegistry.all.map(\.description)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var occurrences: [String: Int] = [:]
        let results: [[String: Any]] = report.findings.map { finding in
            let uri = relativeURI(finding.location?.path ?? "")
            let key = finding.id + "\u{1F}" + uri + "\u{1F}" + finding.message
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            var result: [String: Any] = [
                "ruleId": finding.id,
                "level": Self.level(finding.severity),
                "message": ["text": ([finding.message] + finding.notes).joined(separator: "\n")],
                "partialFingerprints": ["nbship/v1": Self.fingerprint(key + "\u{1F}\(occurrence)")],
            ]
            if let index = ruleIndex[finding.id] { result["ruleIndex"] = index }
            if let location = finding.location {
                result["locations"] = [physicalLocation(location)]
                if let cell = location.cell { result["properties"] = ["notebookCell": cell] }
            }
            return result
        }
        let fixed: [[String: Any]] = report.fixes.map { fix in
            var result: [String: Any] = [
                "ruleId": fix.ruleID, "kind": "pass", "level": "none",
                "message": ["text": fix.diagnostic.message],
                "locations": [physicalLocation(fix.location)],
                "properties": ["fixed": true, "before": fix.before, "after": fix.after] as [String: Any],
            ]
            if let index = ruleIndex[fix.ruleID] { result["ruleIndex"] = index }
            if let cell = fix.location.cell { result["properties"] = ["fixed": true, "before": fix.before, "after": fix.after, "notebookCell": cell] as [String: Any] }
            return result
        }
        let notifications: [[String: Any]] = report.problems.map { problem in
            var notification: [String: Any] = [
                "level": Self.level(problem.severity), "message": ["text": problem.message],
                "descriptor": ["id": problem.id],
            ]
            if let location = problem.location { notification["locations"] = [physicalLocation(location)] }
            return notification
        }
        let driver: [String: Any] = [
            "name": "nbship",
            "version": toolVersion,
            "informationUri": "https://github.com/nbship/nbship",
            "rules": rules.map(Self.ruleDescriptor),
        ]
        var run: [String: Any] = [
            "tool": ["driver": driver],
            "invocations": [["executionSuccessful": report.problems.isEmpty, "toolExecutionNotifications": notifications]],
            "results": results + fixed,
        ]
        if let root, root.hasPrefix("/") {
            let directory = root.hasSuffix("/") ? root : root + "/"
            let uri = "file://" + (directory.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? directory)
            run["originalUriBaseIds"] = ["%SRCROOT%": ["uri": uri]]
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func physicalLocation(_ location: SourceLocation) -> [String: Any] {
        ["physicalLocation": [
            "artifactLocation": ["uri": relativeURI(location.path), "uriBaseId": "%SRCROOT%"],
            "region": ["startLine": location.line, "startColumn": location.column],
        ] as [String: Any]]
    }

    static func ruleDescriptor(_ rule: RuleDescription) -> [String: Any] {
        [
            "id": rule.id,
            "name": rule.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
            "shortDescription": ["text": rule.summary],
            "fullDescription": ["text": rule.rationale],
            "help": ["text": rule.summary + ". " + rule.rationale],
            "defaultConfiguration": ["level": level(rule.defaultSeverity), "enabled": !rule.isOptIn] as [String: Any],
            "properties": ["equivalents": rule.equivalents.map(\.description), "optIn": rule.isOptIn] as [String: Any],
        ]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A repository-relative, percent-encoded URI.
    func relativeURI(_ path: String) -> String {
        var relative = path
        if let root, path.hasPrefix("/") {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { relative = String(path.dropFirst(prefix.count)) }
        }
        relative = LintPath.normalise(relative)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return relative.addingPercentEncoding(withAllowedCharacters: allowed) ?? relative
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
