/// String prefixes as `tokenize` knows them (`_all_string_prefixes`): '', b, r, u, f, br, fr in
/// any case and order.
enum StringPrefix {
    static func isValid(_ prefix: Scalars) -> Bool {
        let lower = SourceText.string(prefix).lowercased()
        return ["", "b", "r", "u", "f", "br", "rb", "fr", "rf"].contains(lower)
    }

    /// The length of a valid prefix followed by a quote at `start`, and that quote.
    static func prefixedQuote(_ line: Scalars, at start: Int) -> (prefixLength: Int, quote: Unicode.Scalar)? {
        for length in 0...2 {
            let quoteIndex = start + length
            guard quoteIndex < line.count else { return nil }
            let quote = line[quoteIndex]
            if quote == "'" || quote == "\"" {
                return isValid(Array(line[start..<quoteIndex])) ? (length, quote) : nil
            }
        }
        return nil
    }

    /// If the token is exactly a prefix and three quotes (`token in triple_quoted`), the quote.
    static func tripleQuote(of token: Scalars) -> Unicode.Scalar? {
        guard token.count >= 3, let last = token.last, last == "'" || last == "\"" else { return nil }
        let tail = token.suffix(3)
        guard tail.allSatisfy({ $0 == last }) else { return nil }
        return isValid(Array(token.dropLast(3))) ? last : nil
    }

    /// If the token starts with a prefix and a single quote (first 1–3 characters), the quote.
    static func singleQuote(of token: Scalars) -> Unicode.Scalar? {
        guard let (length, quote) = prefixedQuote(token, at: 0) else { return nil }
        return length <= 2 ? quote : nil
    }
}
