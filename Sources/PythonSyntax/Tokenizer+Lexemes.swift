import Foundation

extension Tokenizer {
    static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    static func isASCIILetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    static func isIdentifierStart(_ c: UInt8) -> Bool {
        isASCIILetter(c) || c == UInt8(ascii: "_") || c >= 0x80
    }

    static func isIdentifierContinue(_ c: UInt8) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }

    static let stringPrefixes: Set<String> = ["r", "u", "b", "f", "br", "rb", "fr", "rf"]

    // MARK: - Names

    mutating func scanNameOrString() throws {
        let start = index
        var asciiOnly = true
        while index < bytes.count && Self.isIdentifierContinue(bytes[index]) {
            if bytes[index] >= 0x80 { asciiOnly = false }
            index += 1
        }
        let quote = byte(at: index)
        if asciiOnly && index - start <= 2 && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) {
            let prefix = text(start, index).lowercased()
            if Self.stringPrefixes.contains(prefix) {
                try scanString(prefixStart: start, prefix: prefix)
                return
            }
        }
        let startPosition = position(start)
        var name = text(start, index)
        if !asciiOnly {
            name = try validatedIdentifier(name, start: start)
        }
        emit(.name, name, from: startPosition, to: position(index))
    }

    /// Checks a non-ASCII identifier against XID_Start/XID_Continue and returns its NFKC form,
    /// which is how CPython compares identifiers.
    mutating func validatedIdentifier(_ name: String, start: Int) throws -> String {
        var offset = start
        var first = true
        for scalar in name.unicodeScalars {
            let valid = first
                ? (scalar == "_" || scalar.properties.isXIDStart)
                : scalar.properties.isXIDContinue
            if !valid {
                let here = position(offset)
                throw fail(Self.invalidCharacterMessage(scalar), at: here)
            }
            first = false
            offset += String(scalar).utf8.count
        }
        return name.precomposedStringWithCompatibilityMapping
    }

    static func invalidCharacterMessage(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
            return "invalid non-printable character U+\(code)"
        default:
            return "invalid character '\(Character(scalar))' (U+\(code))"
        }
    }

    // MARK: - Numbers

    mutating func scanDigits(_ isValid: (UInt8) -> Bool, kind: String, startPosition: SourcePosition) throws -> Int {
        var count = 0
        while index < bytes.count {
            let c = bytes[index]
            if isValid(c) {
                count += 1
                index += 1
            } else if c == UInt8(ascii: "_") {
                if !isValid(byte(at: index + 1)) {
                    index += 1
                    throw fail("invalid \(kind) literal", at: position(index))
                }
                index += 1
            } else {
                break
            }
        }
        return count
    }

    mutating func scanNumber() throws {
        let start = index
        let startPosition = position(start)
        let c = bytes[index]
        let next = byte(at: index + 1) | 0x20
        var kind = "decimal"
        if c == UInt8(ascii: "0") && (next == UInt8(ascii: "x") || next == UInt8(ascii: "o") || next == UInt8(ascii: "b")) {
            index += 2
            let valid: (UInt8) -> Bool
            switch next {
            case UInt8(ascii: "x"):
                kind = "hexadecimal"
                valid = { Self.isDigit($0) || (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "f")) }
            case UInt8(ascii: "o"):
                kind = "octal"
                valid = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
            default:
                kind = "binary"
                valid = { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
            }
            if byte(at: index) == UInt8(ascii: "_") { index += 1 }
            let count = try scanDigits(valid, kind: kind, startPosition: startPosition)
            if count == 0 || Self.isDigit(byte(at: index)) {
                throw fail("invalid \(kind) literal", at: position(index))
            }
        } else {
            var isFloat = false
            if c != UInt8(ascii: ".") {
                _ = try scanDigits(Self.isDigit, kind: kind, startPosition: startPosition)
            }
            if byte(at: index) == UInt8(ascii: ".") {
                isFloat = true
                index += 1
                if Self.isDigit(byte(at: index)) {
                    _ = try scanDigits(Self.isDigit, kind: kind, startPosition: startPosition)
                }
            }
            if byte(at: index) | 0x20 == UInt8(ascii: "e") {
                let save = index
                index += 1
                if byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") { index += 1 }
                if Self.isDigit(byte(at: index)) {
                    isFloat = true
                    _ = try scanDigits(Self.isDigit, kind: kind, startPosition: startPosition)
                } else {
                    index = save
                    throw fail("invalid decimal literal", at: position(save))
                }
            }
            var imaginary = false
            if byte(at: index) | 0x20 == UInt8(ascii: "j") {
                imaginary = true
                index += 1
            }
            if !isFloat && !imaginary && c == UInt8(ascii: "0") {
                // Leading zeros are only allowed when every digit is zero.
                let digits = text(start, index).replacingOccurrences(of: "_", with: "")
                if digits.contains(where: { $0 != "0" }) {
                    throw fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: startPosition)
                }
            }
        }
        try verifyEndOfNumber(kind: kind)
        emit(.number, text(start, index), from: startPosition, to: position(index))
    }

    /// A number may be followed directly by a keyword (`1if x else y`), but not by other
    /// identifier characters.
    mutating func verifyEndOfNumber(kind: String) throws {
        let c = byte(at: index)
        guard Self.isIdentifierContinue(c) else { return }
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            let keywordBytes = Array(keyword.utf8)
            var matches = true
            for (offset, expected) in keywordBytes.enumerated() where byte(at: index + offset) != expected {
                matches = false
                break
            }
            if matches { return }
        }
        throw fail("invalid \(kind) literal", at: position(index))
    }

    // MARK: - Strings

    func isClosingQuote(_ quote: UInt8, triple: Bool) -> Bool {
        guard byte(at: index) == quote else { return false }
        return !triple || (byte(at: index + 1) == quote && byte(at: index + 2) == quote)
    }

    mutating func scanString(prefixStart: Int, prefix: String) throws {
        let startPosition = position(prefixStart)
        let quote = bytes[index]
        let triple = byte(at: index + 1) == quote && byte(at: index + 2) == quote
        index += triple ? 3 : 1
        let isF = prefix.contains("f")
        let raw = prefix.contains("r")
        if isF {
            emit(.fstringStart, text(prefixStart, index), from: startPosition, to: position(index))
            modes.append(FStringMode(quote: quote, triple: triple, raw: raw, start: startPosition))
            return
        }
        while true {
            guard index < bytes.count else {
                throw unterminatedString(triple: triple, fstring: false, at: startPosition)
            }
            let c = bytes[index]
            if c == UInt8(ascii: "\\") {
                index += 1
                if byte(at: index) == UInt8(ascii: "\n") {
                    index += 1
                    startNewLine()
                } else if index < bytes.count {
                    index += 1
                }
            } else if isClosingQuote(quote, triple: triple) {
                index += triple ? 3 : 1
                break
            } else if c == UInt8(ascii: "\n") {
                if !triple {
                    throw unterminatedString(triple: false, fstring: false, at: startPosition)
                }
                index += 1
                startNewLine()
            } else {
                index += 1
            }
        }
        if prefix.contains("b") {
            let body = bytes[max(prefixStart, 0)..<min(index, bytes.count)]
            if body.contains(where: { $0 >= 0x80 }) {
                throw fail("bytes can only contain ascii literal characters", at: startPosition)
            }
        }
        emit(.string, text(prefixStart, index), from: startPosition, to: position(index))
    }

    mutating func unterminatedString(triple: Bool, fstring: Bool, at start: SourcePosition) -> LexError {
        if !fstring, let enclosing = modes.last {
            // A quote inside a replacement field that never closes: the f-string lacks its `}`.
            return unterminatedFString(enclosing)
        }
        let kind = (triple ? "triple-quoted " : "") + (fstring ? "f-string" : "string")
        // At the end of input CPython counts the last line that has text.
        let atEnd = index >= bytes.count && bytes.last == UInt8(ascii: "\n") && line > 1
        let detected = atEnd ? line - 1 : line
        return fail("unterminated \(kind) literal (detected at line \(detected))", at: start, wins: true)
    }

    mutating func unterminatedFString(_ mode: FStringMode) -> LexError {
        if !mode.fields.isEmpty {
            return fail("f-string: expecting '}'", at: mode.start, wins: true)
        }
        return unterminatedString(triple: mode.triple, fstring: true, at: mode.start)
    }

    // MARK: - F-string literal parts

    mutating func scanFStringLiteral() throws {
        guard var mode = modes.last else { return }
        let inSpec = mode.fields.last?.inSpec == true
        let start = index
        let startPosition = position(start)
        func flush(_ tokenizer: inout Tokenizer) {
            if tokenizer.index > start {
                tokenizer.emit(.fstringMiddle, tokenizer.text(start, tokenizer.index), from: startPosition, to: tokenizer.position(tokenizer.index))
            }
        }
        while true {
            guard index < bytes.count else {
                throw unterminatedFString(mode)
            }
            let c = bytes[index]
            if isClosingQuote(mode.quote, triple: mode.triple) {
                if inSpec {
                    throw fail("f-string: expecting '}'", at: position(index), wins: true)
                }
                flush(&self)
                let quoteStart = position(index)
                index += mode.triple ? 3 : 1
                emit(.fstringEnd, text(quoteStart.offset, index), from: quoteStart, to: position(index))
                modes.removeLast()
                return
            }
            switch c {
            case UInt8(ascii: "\\"):
                if !mode.raw && byte(at: index + 1) == UInt8(ascii: "N") && byte(at: index + 2) == UInt8(ascii: "{") {
                    index += 3
                    while index < bytes.count && bytes[index] != UInt8(ascii: "}") && bytes[index] != mode.quote && bytes[index] != UInt8(ascii: "\n") {
                        index += 1
                    }
                    if byte(at: index) == UInt8(ascii: "}") { index += 1 }
                } else {
                    index += 1
                    if byte(at: index) == UInt8(ascii: "\n") {
                        index += 1
                        startNewLine()
                    } else if byte(at: index) != UInt8(ascii: "{") && byte(at: index) != UInt8(ascii: "}") && index < bytes.count {
                        index += 1
                    }
                }
            case UInt8(ascii: "\n"):
                if !mode.triple {
                    throw unterminatedFString(mode)
                }
                index += 1
                startNewLine()
            case UInt8(ascii: "{"):
                if !inSpec && byte(at: index + 1) == UInt8(ascii: "{") {
                    index += 2
                    continue
                }
                flush(&self)
                let here = position(index)
                index += 1
                try pushParen(UInt8(ascii: "{"), at: here)
                emit(.op, "{", from: here, to: position(index))
                mode.fields.append(Field(depth: parens.count, inSpec: false))
                modes[modes.count - 1] = mode
                return
            case UInt8(ascii: "}"):
                if !inSpec && byte(at: index + 1) == UInt8(ascii: "}") {
                    index += 2
                    continue
                }
                if inSpec {
                    flush(&self)
                    let here = position(index)
                    index += 1
                    if !parens.isEmpty { parens.removeLast() }
                    emit(.op, "}", from: here, to: position(index))
                    mode.fields.removeLast()
                    modes[modes.count - 1] = mode
                    return
                }
                throw fail("f-string: single '}' is not allowed", at: position(index))
            default:
                index += 1
            }
        }
    }

    // MARK: - Operators

    static let threeCharOperators: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    static let twoCharOperators: Set<String> = [
        "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "@=",
    ]

    mutating func pushParen(_ c: UInt8, at here: SourcePosition) throws {
        if parens.count >= Self.maxParenDepth {
            throw fail("too many nested parentheses", at: here)
        }
        parens.append((c, here))
    }

    mutating func scanOperator() throws {
        let start = index
        let here = position(start)
        let c = bytes[index]
        // Inside an f-string replacement field, `}` and a top-level `:` end the expression.
        if var mode = modes.last, let field = mode.fields.last, !field.inSpec, parens.count == field.depth {
            if c == UInt8(ascii: "}") {
                index += 1
                parens.removeLast()
                emit(.op, "}", from: here, to: position(index))
                mode.fields.removeLast()
                modes[modes.count - 1] = mode
                return
            }
            if c == UInt8(ascii: ":") {
                index += 1
                emit(.op, ":", from: here, to: position(index))
                mode.fields[mode.fields.count - 1].inSpec = true
                modes[modes.count - 1] = mode
                return
            }
        }
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            try pushParen(c, at: here)
            index += 1
            emit(.op, text(start, index), from: here, to: position(index))
            return
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            let closing = Character(Unicode.Scalar(c))
            guard let open = parens.last else {
                throw fail("unmatched '\(closing)'", at: here)
            }
            let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if expected != c {
                let opening = Character(Unicode.Scalar(open.byte))
                let suffix = open.position.line != here.line ? " on line \(open.position.line)" : ""
                throw fail("closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'\(suffix)", at: here)
            }
            parens.removeLast()
            index += 1
            emit(.op, text(start, index), from: here, to: position(index))
            return
        default:
            break
        }
        for length in [3, 2] where start + length <= bytes.count {
            let candidate = text(start, start + length)
            let known = length == 3 ? Self.threeCharOperators.contains(candidate) : Self.twoCharOperators.contains(candidate)
            if known {
                index += length
                emit(.op, candidate, from: here, to: position(index))
                return
            }
        }
        index += 1
        emit(.op, text(start, index), from: here, to: position(index))
    }
}
