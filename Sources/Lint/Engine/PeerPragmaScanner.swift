import Diagnostics

/// Finds the ignore comments of the peers nbship maps its rules to, so a team moving to
/// nbship keeps its pragmas: `# hadolint ignore=DL3006,DL3007` (the next line),
/// `# hadolint global ignore=…` (the file), `# trivy:ignore:AVD-DS-0001` (the next line, or
/// its own), `# checkov:skip=CKV_DOCKER_7:reason` (a Dockerfile is one checkov resource, so
/// the whole file; elsewhere the next line or its own), `# zizmor: ignore[unpinned-uses]`
/// (its own line). Ids are matched through the rules' equivalents (`--list-rules`).
enum PeerPragmaScanner {
    /// The peer directives on one comment (the text after `#`).
    static func directives(
        comment: Substring, path: String, cell: Int?, line: Int, column: Int, standsAlone: Bool
    ) -> [IgnoreDirective] {
        let text = comment.drop { $0 == " " || $0 == "\t" }
        func make(_ ids: [String], peer: String, fileLevel: Bool = false, sameLine: Bool = false) -> IgnoreDirective {
            var directive = IgnoreDirective(
                ruleIDs: ids, reason: nil, isFileLevel: fileLevel, standsAlone: standsAlone,
                location: SourceLocation(path: path, cell: cell, line: line, column: column))
            directive.peer = peer
            directive.sameLineOnly = sameLine
            return directive
        }
        if text.hasPrefix("hadolint") {
            var rest = text.dropFirst("hadolint".count).drop { $0 == " " }
            var global = false
            if rest.hasPrefix("global") {
                global = true
                rest = rest.dropFirst("global".count).drop { $0 == " " }
            }
            guard rest.hasPrefix("ignore=") else { return [] }
            let ids = rest.dropFirst("ignore=".count).prefix { $0 != " " && $0 != "\t" }
                .split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { return [] }
            return [make(ids, peer: "hadolint", fileLevel: global)]
        }
        if text.hasPrefix("trivy:ignore:") {
            let id = String(text.dropFirst("trivy:ignore:".count).prefix { $0 != " " && $0 != "\t" })
            guard !id.isEmpty else { return [] }
            return [make(id == "*" ? [] : [trivyID(id)], peer: "trivy")]
        }
        if text.hasPrefix("checkov:skip=") {
            let id = String(text.dropFirst("checkov:skip=".count).prefix { $0 != ":" && $0 != " " && $0 != "\t" })
            guard !id.isEmpty else { return [] }
            return [make([id], peer: "checkov", fileLevel: FileKind.detect(path: path) == .dockerfile)]
        }
        if text.hasPrefix("zizmor:") {
            let rest = text.dropFirst("zizmor:".count).drop { $0 == " " }
            guard rest.hasPrefix("ignore["), let close = rest.firstIndex(of: "]") else { return [] }
            let ids = rest[rest.index(rest.startIndex, offsetBy: "ignore[".count)..<close]
                .split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { return [] }
            return [make(ids, peer: "zizmor", sameLine: true)]
        }
        return []
    }

    /// Trivy's long ids (`AVD-DS-0001`, `AVD-KSV-0013`) as the short ones rules list (`DS001`).
    static func trivyID(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard parts.count == 3, parts[0].uppercased() == "AVD", let number = Int(parts[2]) else { return id }
        let digits = String(number)
        return parts[1].uppercased() + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
