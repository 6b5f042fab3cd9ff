/// One dot-separated part of a local version label (`+ubuntu.1`).
///
/// PEP 440: numeric parts compare as numbers and sort after text parts; text parts compare
/// lexicographically, case-insensitively (they are stored lower-case).
public enum LocalSegment: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case number(Int)
    case text(String)

    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .text(let value): value
        }
    }

    public static func < (lhs: LocalSegment, rhs: LocalSegment) -> Bool {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)): left < right
        case (.text(let left), .text(let right)): left < right
        case (.text, .number): true
        case (.number, .text): false
        }
    }
}
