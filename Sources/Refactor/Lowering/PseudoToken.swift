/// The `PseudoToken` regular expression of Python 3.11's `tokenize`, as a hand-written matcher:
/// `group(PseudoExtras, Number, Funny, ContStr, Name)` tried in that order at one position.
enum PseudoToken {
    /// The length of the longest exact operator token of Python 3.11 (`EXACT_TOKEN_TYPES`)
    /// at `start`, or nil.
    private static func operatorLength(_ line: Scalars, at start: Int) -> Int? {
        let count = line.count
        let first = line[start]
        let second: Unicode.Scalar? = start + 1 < count ? line[start + 1] : nil
        let third: Unicode.Scalar? = start + 2 < count ? line[start + 2] : nil
        switch first {
        case "(", ")", "[", "]", "{", "}", ",", ";", "~":
            return 1
        case ".":
            return second == "." && third == "." ? 3 : 1
        case "!":
            return second == "=" ? 2 : nil
        case "-":
            return second == ">" || second == "=" ? 2 : 1
        case ":", "%", "&", "+", "@", "^", "|", "=":
            return second == "=" ? 2 : 1
        case "*", "/", "<", ">":
            let doubled: Unicode.Scalar = first == "*" ? "*" : first
            if second == doubled { return third == "=" ? 3 : 2 }
            return second == "=" ? 2 : 1
        default:
            return nil
        }
    }

    /// The end of the token starting at `start` (after whitespace), `start` itself for the
    /// empty end-of-line match, or nil when nothing matches (an error token follows).
    static func match(_ line: Scalars, at start: Int) -> Int? {
        let count = line.count
        // PseudoExtras: backslash-newline, end of input, comment, triple-quote opener.
        if start < count, line[start] == "\\" {
            if start + 1 < count, line[start + 1] == "\n" { return start + 2 }
            if start + 2 < count, line[start + 1] == "\r", line[start + 2] == "\n" { return start + 3 }
        }
        if start == count { return start }
        if line[start] == "#" {
            var end = start
            while end < count, line[end] != "\r", line[end] != "\n" { end += 1 }
            return end
        }
        if let (length, quote) = StringPrefix.prefixedQuote(line[...], at: start) {
            let quoteIndex = start + length
            if quoteIndex + 2 < count, line[quoteIndex + 1] == quote, line[quoteIndex + 2] == quote {
                return quoteIndex + 3
            }
        }
        if let end = NumberLiteral.match(line, at: start) { return end }
        // Funny: newline, operators.
        if line[start] == "\n" { return start + 1 }
        if line[start] == "\r", start + 1 < count, line[start + 1] == "\n" { return start + 2 }
        if let length = operatorLength(line, at: start) { return start + length }
        // ContStr: a single-quoted string ending on this line or continued with a backslash.
        if let (length, quote) = StringPrefix.prefixedQuote(line[...], at: start),
           let end = continuedString(line, from: start + length + 1, quote: quote) {
            return end
        }
        // Name: \w+
        var end = start
        while end < count, SourceText.isWord(line[end]) { end += 1 }
        return end > start ? end : nil
    }

    /// `'[^\n'\\]*(?:\\.[^\n'\\]*)*('|\\\r?\n)` after the opening quote.
    private static func continuedString(_ line: Scalars, from start: Int, quote: Unicode.Scalar) -> Int? {
        var index = start
        while index < line.count {
            let scalar = line[index]
            if scalar == quote { return index + 1 }
            if scalar == "\n" { return nil }
            if scalar == "\\" {
                guard index + 1 < line.count else { return nil }
                let next = line[index + 1]
                if next == "\n" { return index + 2 }
                if next == "\r", index + 2 < line.count, line[index + 2] == "\n" { return index + 3 }
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }
}
