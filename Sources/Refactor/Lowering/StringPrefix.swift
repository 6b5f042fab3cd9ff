/// String prefixes as `tokenize` knows them (`_all_string_prefixes`): '', b, r, u, f, br, fr in
/// any case and order.
enum StringPrefix {
    static func isValid(_ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
        switch prefix.count {
        case 0: return true
        case 1: return ["b", "r", "u", "f"].contains(lower(prefix[prefix.startIndex]))
        case 2:
            let first = lower(prefix[prefix.startIndex])
            let second = lower(prefix[prefix.startIndex + 1])
            return (first == "b" && second == "r") || (first == "r" && second == "b")
                || (first == "f" && second == "r") || (first == "r" && second == "f")
        default: return false
        }
    }

    /// The length of a valid prefix followed by a quote at `start`, and that quote.
    static func prefixedQuote(_ line: ArraySlice<Unicode.Scalar>, at start: Int) -> (prefixLength: Int, quote: Unicode.Scalar)? {
        for length in 0...2 {
            let quoteIndex = start + length
            guard quoteIndex < line.endIndex else { return nil }
            let quote = line[quoteIndex]
            if quote == "'" || quote == "\"" {
                return isValid(line[start..<quoteIndex]) ? (length, quote) : nil
            }
        }
        return nil
    }

    /// If the token is exactly a prefix and three quotes (`token in triple_quoted`), the quote.
    static func tripleQuote(of token: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        guard token.count >= 3, let last = token.last, last == "'" || last == "\"" else { return nil }
        let tail = token.suffix(3)
        guard tail.allSatisfy({ $0 == last }) else { return nil }
        return isValid(token.dropLast(3)) ? last : nil
    }

    /// If the token starts with a prefix and a single quote (first 1–3 characters), the quote.
    static func singleQuote(of token: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        guard let (length, quote) = prefixedQuote(token, at: token.startIndex) else { return nil }
        return length <= 2 ? quote : nil
    }
}
