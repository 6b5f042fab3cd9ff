import Diagnostics

/// Finds credentials written into code cells: tokens with a known shape (AWS, GitHub, Slack,
/// OpenAI, Google, Hugging Face, Stripe, private keys), URLs with a password, and string
/// literals assigned to names such as `api_key`, `token` or `password`.
///
/// Messages show only the start of the value, so the report does not spread the secret.
struct SecretScanner: Sendable {
    /// A token format with a known prefix.
    private struct TokenPattern {
        let name: String
        let regex: Regex<Substring>
    }

    nonisolated(unsafe) private static let tokenPatterns: [TokenPattern] = [
        TokenPattern(name: "an AWS access key id", regex: #/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/#),
        TokenPattern(name: "a GitHub token", regex: #/\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/#),
        TokenPattern(name: "a Slack token", regex: #/\bxox[abprs]-[A-Za-z0-9-]{10,}/#),
        TokenPattern(name: "an OpenAI API key", regex: #/\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/#),
        TokenPattern(name: "a Google API key", regex: #/\bAIza[0-9A-Za-z_-]{35}/#),
        TokenPattern(name: "a Hugging Face token", regex: #/\bhf_[A-Za-z]{34}\b/#),
        TokenPattern(name: "a Stripe secret key", regex: #/\b[sr]k_live_[0-9A-Za-z]{24,}/#),
        TokenPattern(name: "a private key", regex: #/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/#),
        TokenPattern(name: "a password in a URL", regex: #/[a-z][a-z0-9+.-]*://[^/\s:@'"]+:[^/\s@'"]{3,}@/#),
    ]

    /// `name = "literal"` or `"name": "literal"` where the name says it holds a secret.
    nonisolated(unsafe) private static let assignment = #/(?i)\b((?:[A-Za-z_][A-Za-z0-9_]*)?(?:api_?key|apikey|secret|token|passw(?:or)?d|pwd|access_?key|private_?key|credentials?)[A-Za-z0-9_]*)['"]?\s*[:=]\s*[rbuRBU]?(['"])([^'"\n]{8,})\2/#

    /// Values that are obviously placeholders, not secrets.
    nonisolated(unsafe) private static let placeholder = #/(?i)^(?:x+|\*+|\.+|<.*>|\{.*\}|\$\{?.*|your[_ -].*|.*here|changeme|example.*|dummy.*|test.*|none|null|todo.*|replace.*|placeholder.*)$/#

    /// Substrings (lower-cased) that every pattern needs: lines with none of them are skipped
    /// before any regular expression runs, which keeps scanning linear and cheap.
    private static let triggers: [[UInt8]] = [
        "akia", "asia", "gh", "github_pat_", "xox", "sk-", "aiza", "hf_", "_live_", "private key", "://",
        "key", "secret", "token", "passw", "pwd", "credential",
    ].map { Array($0.utf8) }

    static func mayContainSecret(_ line: Substring) -> Bool {
        let lower = line.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return triggers.contains { lower.containsSubsequence($0) }
    }

    func scan(_ analysis: NotebookAnalysis) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for cell in analysis.codeCells {
            let lines = cell.cell.source.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() where Self.mayContainSecret(line) {
                if let finding = findSecret(in: line) {
                    let column = line.unicodeScalars.distance(from: line.startIndex, to: finding.start) + 1
                    result.append(.warning(
                        "notebook.secret",
                        "possible secret in code: \(finding.what) (\(Self.masked(finding.value))); read it from an environment variable instead",
                        at: SourceLocation(path: analysis.path, cell: cell.index, line: offset + 1, column: column)))
                }
            }
        }
        return result
    }

    private func findSecret(in line: Substring) -> (what: String, value: Substring, start: Substring.Index)? {
        for pattern in Self.tokenPatterns {
            if let match = line.firstMatch(of: pattern.regex) {
                return (pattern.name, match.output, match.range.lowerBound)
            }
        }
        if let match = line.firstMatch(of: Self.assignment) {
            let value = match.output.3
            if value.wholeMatch(of: Self.placeholder) == nil, !value.contains(" ") || value.count >= 20 {
                return ("a literal assigned to '\(match.output.1)'", value, value.startIndex)
            }
        }
        return nil
    }

    /// The first four characters and the length: enough to find it, too little to use it.
    static func masked(_ value: Substring) -> String {
        "\(value.prefix(4))… \(value.count) characters"
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the array (a plain search: lines are short).
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first {
                var matched = 1
                while matched < needle.count && self[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
