/// Finds where a name first appears as an identifier in a cell's Python, for pointing
/// diagnostics at it.
///
/// A light scan, not a parser: it skips comments and string literals (including
/// triple-quoted ones) and matches whole identifiers only.
enum IdentifierLocator {
    /// The 1-based line and column of the first identifier equal to `name`, or `nil`.
    static func firstOccurrence(of name: String, in source: String) -> (line: Int, column: Int)? {
        let scalars = Array(source.unicodeScalars)
        let target = Array(name.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        var quote: [Unicode.Scalar]? = nil
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                if let open = quote, open.count == 1 { quote = nil }
                continue
            }
            if let open = quote {
                if scalar == "\\" {
                    index += 2
                    continue
                }
                if matches(open, in: scalars, at: index) {
                    index += open.count
                    quote = nil
                } else {
                    index += 1
                }
                continue
            }
            if scalar == "#" {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "'" || scalar == "\"" {
                let triple = [scalar, scalar, scalar]
                quote = matches(triple, in: scalars, at: index) ? triple : [scalar]
                index += quote?.count ?? 1
                continue
            }
            if isIdentifierStart(scalar) {
                let start = index
                while index < scalars.count && isIdentifierContinue(scalars[index]) { index += 1 }
                if Array(scalars[start..<index]) == target,
                   start == 0 || scalars[start - 1] != "." {
                    return (line, start - lineStart + 1)
                }
                continue
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + needle.count <= scalars.count else { return false }
        return Array(scalars[index..<index + needle.count]) == needle
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isXIDStart
    }

    private static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isXIDContinue
    }
}
