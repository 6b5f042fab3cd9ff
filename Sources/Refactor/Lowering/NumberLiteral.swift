/// The `Number` regular expression of Python 3.11's `tokenize`:
/// `group(Imagnumber, Floatnumber, Intnumber)`, first alternative that matches wins.
enum NumberLiteral {
    static func match(_ line: Scalars, at start: Int) -> Int? {
        if let end = imaginary(line, start) { return end }
        if let end = float(line, start) { return end }
        return integer(line, start)
    }

    private static func isDecimal(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// `d(?:_?d)*` greedily; nil when no first digit.
    private static func digits(_ line: Scalars, _ start: Int, _ isDigit: (Unicode.Scalar) -> Bool) -> Int? {
        guard start < line.count, isDigit(line[start]) else { return nil }
        var index = start + 1
        while index < line.count {
            if isDigit(line[index]) {
                index += 1
            } else if line[index] == "_", index + 1 < line.count, isDigit(line[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    private static func isImaginarySuffix(_ line: Scalars, _ index: Int) -> Bool {
        index < line.count && (line[index] == "j" || line[index] == "J")
    }

    private static func imaginary(_ line: Scalars, _ start: Int) -> Int? {
        if let end = digits(line, start, isDecimal), isImaginarySuffix(line, end) { return end + 1 }
        if let end = float(line, start), isImaginarySuffix(line, end) { return end + 1 }
        return nil
    }

    private static func exponent(_ line: Scalars, _ start: Int) -> Int? {
        guard start < line.count, line[start] == "e" || line[start] == "E" else { return nil }
        var index = start + 1
        if index < line.count, line[index] == "-" || line[index] == "+" { index += 1 }
        return digits(line, index, isDecimal)
    }

    private static func float(_ line: Scalars, _ start: Int) -> Int? {
        // Pointfloat: digits '.' [digits] | '.' digits, then an optional exponent.
        var point: Int?
        if let end = digits(line, start, isDecimal), end < line.count, line[end] == "." {
            point = digits(line, end + 1, isDecimal) ?? end + 1
        } else if start < line.count, line[start] == ".", let end = digits(line, start + 1, isDecimal) {
            point = end
        }
        if let point {
            return exponent(line, point) ?? point
        }
        // Expfloat: digits exponent.
        if let end = digits(line, start, isDecimal), let expEnd = exponent(line, end) { return expEnd }
        return nil
    }

    private static func integer(_ line: Scalars, _ start: Int) -> Int? {
        guard start < line.count else { return nil }
        if line[start] == "0", start + 1 < line.count {
            let marker = line[start + 1]
            let body: ((Unicode.Scalar) -> Bool)?
            switch marker {
            case "x", "X": body = { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            case "b", "B": body = { $0 == "0" || $0 == "1" }
            case "o", "O": body = { ("0"..."7").contains($0) }
            default: body = nil
            }
            if let body, let end = underscoredDigits(line, start + 2, body) { return end }
        }
        if line[start] == "0" {
            return digits(line, start, { $0 == "0" })
        }
        if ("1"..."9").contains(line[start]) {
            return digits(line, start, isDecimal)
        }
        return nil
    }

    /// `(?:_?d)+` (hex, binary, octal bodies allow a leading underscore).
    private static func underscoredDigits(_ line: Scalars, _ start: Int, _ isDigit: (Unicode.Scalar) -> Bool) -> Int? {
        var index = start
        var matched = false
        while index < line.count {
            if isDigit(line[index]) {
                index += 1
            } else if line[index] == "_", index + 1 < line.count, isDigit(line[index + 1]) {
                index += 2
            } else {
                break
            }
            matched = true
        }
        return matched ? index : nil
    }
}
