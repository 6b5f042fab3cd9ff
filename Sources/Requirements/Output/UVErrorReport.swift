/// uv's error output taken apart: `error: …` (or `× …`), then `cause: …` / `Caused by: …` /
/// `╰─▶ …` lines, then `hint: …` paragraphs (the plain format uv writes when not on a terminal,
/// and the decorated one).
struct UVErrorReport {
    /// The `error:` line's text (empty when there is none).
    var headline = ""
    /// The causes, outermost first.
    var causes: [String] = []
    /// The hints.
    var hints: [String] = []

    /// Parses uv's standard error.
    /// - Parameter stderr: The text.
    init(_ stderr: String) {
        var current: Kind = .other
        for raw in stderr.split(separator: "\n") {
            let line = String(raw).trimmingSpaces()
            if line.isEmpty { continue }
            if let rest = Self.after(["error:", "×"], in: line) {
                if headline.isEmpty { headline = rest } else { causes.append(rest) }
                current = .headline
            } else if let rest = Self.after(["cause:", "Caused by:", "╰─▶"], in: line) {
                causes.append(rest)
                current = .cause
            } else if let rest = Self.after(["hint:"], in: line) {
                hints.append(rest)
                current = .hint
            } else {
                // A continuation of the previous part (long causes wrap).
                switch current {
                case .headline: headline += " " + line
                case .cause: causes[causes.count - 1] += " " + line
                case .hint: hints[hints.count - 1] += " " + line
                case .other: if headline.isEmpty { headline = line } else { causes.append(line) }
                }
            }
        }
    }

    private enum Kind { case headline, cause, hint, other }

    private static func after(_ prefixes: [String], in line: String) -> String? {
        for prefix in prefixes where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingSpaces()
        }
        return nil
    }
}
