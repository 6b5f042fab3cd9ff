import PythonSyntax

/// The literal words of an expression a cell prints: the text of its string literals (plain,
/// f-string parts, `"… %s" % x` and `"… {}".format(x)` templates) cut at escapes and
/// placeholders, and whether it also prints a computed value.
struct LiteralText: Sendable, Equatable {
    /// Literal fragments, white space collapsed, empty ones dropped.
    var fragments: [String] = []
    /// Whether part of the expression is not literal text.
    var hasValues = false

    init(_ expression: Expression) {
        switch expression.kind {
        case .constant(.string(let source)):
            fragments = Self.pieces(ofLiteral: source)
        case .joinedString(let parts):
            for part in parts {
                if case .constant(.string(let text)) = part.kind {
                    // f-string middles are raw text (no quotes), `{{` for a brace.
                    fragments += Self.pieces(ofText: Substring(text))
                } else {
                    hasValues = true
                }
            }
        case .binary(let left, "%", _):
            let template = LiteralText(left)
            fragments = template.fragments
            hasValues = true
        case .call(let function, _, _):
            if case .attribute(let receiver, "format", _) = function.kind, case .constant(.string) = receiver.kind {
                fragments = LiteralText(receiver).fragments
            }
            hasValues = true
        case .constant(.number), .constant(.bool), .constant(.none):
            hasValues = true
        default:
            hasValues = true
        }
    }

    /// The fragments of a string literal's source text (prefix and quotes included).
    static func pieces(ofLiteral source: String) -> [String] {
        var text = Substring(source)
        while let first = text.first, first.isLetter { text = text.dropFirst() }
        // Adjacent literals are joined by a space in the source text: each one unquoted apart.
        return unquoted(text).flatMap { pieces(ofText: $0) }
    }

    /// Each quoted literal's inner text (implicit concatenation gives several).
    private static func unquoted(_ text: Substring) -> [Substring] {
        var out: [Substring] = []
        var rest = text
        while let quote = rest.first(where: { $0 == "'" || $0 == "\"" }), let start = rest.firstIndex(of: quote) {
            let triple = String(repeating: quote, count: 3)
            let delimiter = rest[start...].hasPrefix(triple) ? triple : String(quote)
            let innerStart = rest.index(start, offsetBy: delimiter.count)
            guard let end = rest[innerStart...].range(of: delimiter) else {
                out.append(rest[innerStart...])
                break
            }
            out.append(rest[innerStart..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// Literal text cut at backslash escapes, `%` conversions and `{…}` placeholders.
    static func pieces(ofText text: Substring) -> [String] {
        var out: [String] = []
        var current = ""
        var characters = text.makeIterator()
        func flush() {
            let collapsed = OutputLine.collapsingSpace(current)
            if !collapsed.isEmpty { out.append(collapsed) }
            current = ""
        }
        var depth = 0
        while let character = characters.next() {
            switch character {
            case "\\":
                flush()
                _ = characters.next()
            case "%":
                flush()
                // Skip the conversion (`%.2f`, `%s`, `%(name)d`).
                var next = characters.next()
                if next == "(" {
                    while let inner = characters.next(), inner != ")" {}
                    next = characters.next()
                }
                while let skipped = next, !skipped.isLetter { next = characters.next() }
            case "{":
                flush()
                depth += 1
            case "}":
                depth = max(0, depth - 1)
            default:
                if depth == 0 { current.append(character) }
            }
        }
        flush()
        return out
    }
}
