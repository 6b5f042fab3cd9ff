/// A physical line as IPython sees it: Unicode scalars (Python indexes strings by code point),
/// including its line terminator.
typealias Scalars = [Unicode.Scalar]

/// Helpers that mirror the `str` methods IPython's input transformers rely on.
enum SourceText {
    /// The characters `str.splitlines()` breaks on (besides `\r\n`, which counts as one).
    static let lineBreaks: Set<Unicode.Scalar> = [
        "\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}",
    ]

    /// `text.splitlines(keepends=True)`.
    static func splitLines(_ text: String) -> [Scalars] {
        var lines: [Scalars] = []
        var current: Scalars = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            current.append(scalar)
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                current.append("\n")
                index += 1
                lines.append(current)
                current = []
            } else if lineBreaks.contains(scalar) {
                lines.append(current)
                current = []
            }
            index += 1
        }
        if !current.isEmpty {
            lines.append(current)
        }
        return lines
    }

    /// Python's `str.isspace()` for one scalar.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || ("\t"..."\r").contains(scalar) || ("\u{1C}"..."\u{1F}").contains(scalar)
        }
        if scalar.properties.isWhitespace { return true }
        return ("\u{1C}"..."\u{1F}").contains(scalar)
    }

    /// Python's `\w` for one scalar (Unicode word character).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Python's `\d` for one scalar (Unicode decimal digit).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.numericType == .decimal
    }

    /// Python's `str.isidentifier()` applied to the first character of a token.
    static func startsIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isXIDStart
    }

    /// `str.rstrip()`.
    static func rstrip(_ line: Scalars) -> Scalars {
        var end = line.count
        while end > 0, isSpace(line[end - 1]) { end -= 1 }
        return Array(line[0..<end])
    }

    /// `str.strip()`.
    static func strip(_ line: Scalars) -> Scalars {
        var start = 0
        let stripped = rstrip(line)
        while start < stripped.count, isSpace(stripped[start]) { start += 1 }
        return Array(stripped[start...])
    }

    /// `text.partition(" ")` → (head, tail); tail is empty when there is no space.
    static func partitionAtSpace(_ text: Scalars) -> (head: Scalars, tail: Scalars) {
        guard let index = text.firstIndex(of: " ") else { return (text, []) }
        return (Array(text[..<index]), Array(text[(index + 1)...]))
    }

    /// Whether the line is empty or only whitespace (`not line or line.isspace()`).
    static func isBlank(_ line: Scalars) -> Bool {
        line.allSatisfy(isSpace)
    }

    static func string(_ scalars: Scalars) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    static func scalars(_ text: String) -> Scalars {
        Array(text.unicodeScalars)
    }

    static func hasPrefix(_ line: Scalars, _ prefix: String) -> Bool {
        let prefixScalars = prefix.unicodeScalars
        guard line.count >= prefixScalars.count else { return false }
        return line[0..<prefixScalars.count].elementsEqual(prefixScalars)
    }

    /// Whether `needle` occurs in `text` (a plain scan: used to skip a tokenization when the
    /// name a transform looks for is absent).
    static func contains(_ text: Scalars, _ needle: String) -> Bool {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first else { return true }
        guard text.count >= pattern.count else { return false }
        var index = 0
        while index <= text.count - pattern.count {
            if text[index] == first && text[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    static func hasSuffix(_ line: Scalars, _ suffix: String) -> Bool {
        let suffixScalars = suffix.unicodeScalars
        guard line.count >= suffixScalars.count else { return false }
        return line[(line.count - suffixScalars.count)...].elementsEqual(suffixScalars)
    }
}
