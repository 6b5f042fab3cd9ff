import Diagnostics

/// Checks that no secret line (from a solution or hidden-tests region) reached a student's
/// material.
///
/// A secret line leaks when a line of the student text, stripped, equals it, or when a long
/// secret line (``minimumEmbeddedLength`` scalars or more) appears inside a student line.
/// The stub lines are never secrets, and neither are short lines (under
/// ``minimumEmbeddedLength`` scalars) that the instructor also wrote outside every region,
/// such as `return result` or `else:`: students see those anyway. A long solution line copied
/// into a visible cell is a leak.
public struct LeakCheck: Sendable {
    /// Secret lines at least this long are also found inside longer lines.
    public static let minimumEmbeddedLength = 12

    private let secrets: [String: SecretLine]

    /// Creates a check.
    /// - Parameters:
    ///   - secrets: The secret lines of the solution notebook.
    ///   - visible: Stripped lines written outside every region; the short ones are never reported.
    public init(secrets: [SecretLine], visible: Set<String>) {
        var table: [String: SecretLine] = [:]
        let exempt = visible.filter { $0.unicodeScalars.count < Self.minimumEmbeddedLength }.union(Stub.code).union(Stub.answer)
        for secret in secrets where !exempt.contains(secret.text) && table[secret.text] == nil {
            table[secret.text] = secret
        }
        self.secrets = table
    }

    /// Whether there is anything to look for.
    public var isEmpty: Bool { secrets.isEmpty }

    /// Finds leaks in one piece of student text.
    /// - Parameters:
    ///   - text: A student cell's source, or a generated file.
    ///   - path: The student file, for locations.
    ///   - cell: The cell index when `text` is a notebook cell.
    /// - Returns: One `course.leak` error per leaking line, in order.
    public func leaks(in text: String, path: String, cell: Int? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, (body, _)) in MarkerScanner.lines(of: text).enumerated() {
            let stripped = body.trimmingWhitespace()
            guard !stripped.isEmpty else { continue }
            let match = secrets[stripped] ?? secrets.values
                .filter { $0.text.unicodeScalars.count >= Self.minimumEmbeddedLength && stripped.contains($0.text) }
                .min { ($0.cell ?? -1, $0.file ?? "", $0.line) < ($1.cell ?? -1, $1.file ?? "", $1.line) }
            guard let secret = match else { continue }
            let column = body.unicodeScalars.prefix { $0.properties.isWhitespace }.count + 1
            let region = secret.origin == .solution ? "solution" : "hidden-tests"
            found.append(.error(
                "course.leak", "line from a \(region) region appears in the student version",
                at: SourceLocation(path: path, cell: cell, line: index + 1, column: column),
                notes: ["it is \(secret.place) in the solution: \(secret.text)"]))
        }
        return found
    }
}
