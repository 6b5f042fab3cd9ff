/// What one step of the corpus run (convert, train, pytest, ruff, hadolint) did to one notebook.
enum CorpusStep: Sendable, Equatable {
    /// Exited 0 (a linter: reported nothing).
    case ok
    /// Exited non-zero; the line that says why.
    case failed(String)
    /// A linter reported findings: how many, and a summary (codes and the first finding).
    case findings(Int, String)
    /// Still running when its time was up (or none was left to start it); it was killed.
    case timedOut
    /// Not run, because an earlier step failed (or the tool is missing).
    case skipped

    /// Whether the step passed.
    var isOK: Bool { self == .ok }

    /// The table cell: `ok`, `FAIL`, `N found`, `TIMEOUT`, or `-`.
    var label: String {
        switch self {
        case .ok: "ok"
        case .failed: "FAIL"
        case .findings(let count, _): "\(count) found"
        case .timedOut: "TIMEOUT"
        case .skipped: "-"
        }
    }

    /// Why it did not pass, when it did not (nothing for `ok` and `skipped`).
    var reason: String? {
        switch self {
        case .ok, .skipped: nil
        case .failed(let line): line
        case .findings(_, let summary): summary
        case .timedOut: "timed out"
        }
    }

    /// The same step with `text` replaced in its reason (to shorten temporary paths).
    func replacing(_ text: String, with replacement: String) -> CorpusStep {
        switch self {
        case .failed(let line): .failed(line.replacingOccurrences(of: text, with: replacement))
        case .findings(let count, let summary): .findings(count, summary.replacingOccurrences(of: text, with: replacement))
        case .ok, .timedOut, .skipped: self
        }
    }
}
