/// Small rewrites that keep generated statement lists clean under linters (`ruff check`):
/// unpacked names nobody reads become `_name`, an assignment nobody reads becomes a bare call.
public enum GeneratedLines {
    /// Marks targets of `a, b = f(...)` lines that no later line (nor `alsoReadBy`) reads.
    /// - Parameters:
    ///   - lines: Statements, one per line, in order.
    ///   - alsoReadBy: Text after the lines that may read them (a `return x` expression).
    /// - Returns: The lines: unread unpacked names prefixed with `_`; an assignment whose
    ///   targets are all unread reduced to its right-hand side.
    public static func markingUnread(_ lines: [String], alsoReadBy: String = "") -> [String] {
        lines.enumerated().map { index, line in
            guard let assignment = assignment(in: line) else { return line }
            // Read before the next line that rebinds it (or by `alsoReadBy` when none does).
            let read = assignment.targets.map { isRead($0, after: index, in: lines, alsoReadBy: alsoReadBy) }
            if !read.contains(true) { return String(assignment.value) }
            guard assignment.targets.count > 1, read.contains(false) else { return line }
            let renamed = zip(assignment.targets, read).map { name, isRead in isRead || name.hasPrefix("_") ? name : "_" + name }
            return renamed.joined(separator: ", ") + " = " + assignment.value
        }
    }

    private static func isRead(_ name: String, after index: Int, in lines: [String], alsoReadBy: String) -> Bool {
        for line in lines[(index + 1)...] {
            let assignment = assignment(in: line)
            // What a line reads: the right-hand side of `a, b = …`, else all of it.
            if mentions(assignment.map { String($0.value) } ?? line, name) { return true }
            if assignment?.targets.contains(name) == true { return false }
        }
        return mentions(alsoReadBy, name)
    }

    /// `a, b = value` at column 0 with plain names as targets, split; else `nil`.
    private static func assignment(in line: String) -> (targets: [String], value: Substring)? {
        guard let equals = line.range(of: " = "), !line.hasPrefix(" ") else { return nil }
        let targets = line[..<equals.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !targets.isEmpty, targets.allSatisfy(isIdentifier) else { return nil }
        return (targets, line[equals.upperBound...])
    }

    /// Whether `name` occurs in `text` as a whole identifier (not inside a longer name).
    /// - Parameters:
    ///   - text: Python text.
    ///   - name: An identifier.
    /// - Returns: Whether it occurs.
    public static func mentions(_ text: String, _ name: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: name, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isIdentifierCharacter(before), !isIdentifierCharacter(after) { return true }
            searchStart = range.upperBound
        }
        return false
    }

    private static func isIdentifierCharacter(_ character: Character?) -> Bool {
        character.map { $0 == "_" || $0.isLetter || $0.isNumber } ?? false
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter else { return false }
        return text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
