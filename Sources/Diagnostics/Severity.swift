/// How serious a ``Diagnostic`` is.
///
/// Ordered so that `note < warning < error`, which lets callers compare a finding
/// against a threshold (`diagnostic.severity >= .warning`).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}
