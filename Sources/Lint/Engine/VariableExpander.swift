/// Expands `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`,
/// `${NAME+alt}`, `${NAME:?message}` and `${NAME?message}` the way Dockerfiles and Compose
/// do; a variable with no value stays an ``ExpandedText/Piece/unknown(_:)`` piece.
public struct VariableExpander: Sendable {
    /// The variables with values.
    public var values: [String: ExpandedText]
    /// `$$` is a literal `$` (Compose); in Dockerfiles `\$` is.
    public var dollarDollarIsLiteral: Bool

    /// Creates an expander.
    /// - Parameters:
    ///   - values: The variables that have values.
    ///   - dollarDollarIsLiteral: `true` for Compose's `$$`.
    public init(values: [String: ExpandedText] = [:], dollarDollarIsLiteral: Bool = false) {
        self.values = values
        self.dollarDollarIsLiteral = dollarDollarIsLiteral
    }

    /// Expands the variables in a text.
    /// - Parameter text: The text.
    /// - Returns: The expanded pieces.
    public func expand(_ text: String) -> ExpandedText {
        var pieces: [ExpandedText.Piece] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        func append(_ expanded: ExpandedText) {
            for piece in expanded.pieces {
                if case .literal(let text) = piece { literal += text } else { flush(); pieces.append(piece) }
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", !dollarDollarIsLiteral, index + 1 < characters.count, characters[index + 1] == "$" {
                literal.append("$")
                index += 2
                continue
            }
            guard character == "$", index + 1 < characters.count else {
                literal.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$", dollarDollarIsLiteral {
                literal.append("$")
                index += 2
            } else if next == "{" {
                var depth = 0
                var end = index + 1
                while end < characters.count {
                    if characters[end] == "{" { depth += 1 }
                    if characters[end] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    end += 1
                }
                guard end < characters.count else {
                    literal.append(contentsOf: characters[index...])
                    break
                }
                append(expandBraced(String(characters[(index + 2)..<end])))
                index = end + 1
            } else if next.isLetter || next == "_" {
                var end = index + 1
                while end < characters.count, characters[end].isASCIIAlphanumeric || characters[end] == "_" { end += 1 }
                append(lookup(String(characters[(index + 1)..<end])))
                index = end
            } else {
                literal.append(character)
                index += 1
            }
        }
        flush()
        return ExpandedText(pieces)
    }

    func lookup(_ name: String) -> ExpandedText {
        values[name] ?? ExpandedText([.unknown(name)])
    }

    /// The inside of `${…}`.
    func expandBraced(_ body: String) -> ExpandedText {
        let name = String(body.prefix { $0.isASCIIAlphanumeric || $0 == "_" })
        let rest = body.dropFirst(name.count)
        let value = values[name]
        for modifier in [":-", ":+", ":?", "-", "+", "?"] where rest.hasPrefix(modifier) {
            let word = expand(String(rest.dropFirst(modifier.count)))
            switch modifier {
            case ":-": return value.flatMap { $0.mayBeNonEmpty ? $0 : nil } ?? word
            case "-": return value ?? word
            case ":+": return value.map { $0.mayBeNonEmpty ? word : ExpandedText() } ?? ExpandedText()
            case "+": return value == nil ? ExpandedText() : word
            default: return lookup(name)
            }
        }
        return lookup(name)
    }
}
