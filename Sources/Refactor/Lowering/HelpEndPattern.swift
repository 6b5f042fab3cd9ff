/// IPython's `_help_end_re` searched in the text of a `HelpEnd` candidate:
/// `(%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*)(\?\??)$`.
enum HelpEndPattern {
    struct Match: Equatable {
        /// Group 1: what help is asked for, e.g. `pd.read_csv` or `%timeit`.
        var target: Scalars
        /// Group 3: `?` or `??`.
        var escape: Scalars
        /// Where the target starts in the searched text.
        var start: Int
    }

    /// `_help_end_re.search(content)`.
    static func search(_ content: Scalars) -> Match? {
        var text = content
        // `$` matches at the end or before a final newline.
        if text.last == "\n" { text.removeLast() }
        var questions = 0
        while questions < text.count, text[text.count - 1 - questions] == "?" { questions += 1 }
        guard questions == 1 || questions == 2 else { return nil }
        let body = Array(text.dropLast(questions))
        let escape = Array(text.suffix(questions))
        for start in 0..<max(body.count, 1) where start < body.count {
            if fullMatch(Array(body[start...])) {
                return Match(target: Array(body[start...]), escape: escape, start: start)
            }
        }
        return nil
    }

    private static func isTargetChar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "*" || SourceText.isWord(scalar)
    }

    /// A maximal `[\w*]+` run not starting with a digit; returns its end.
    private static func word(_ text: Scalars, _ start: Int) -> Int? {
        guard start < text.count, isTargetChar(text[start]), !SourceText.isDigit(text[start]) else { return nil }
        var end = start
        while end < text.count, isTargetChar(text[end]) { end += 1 }
        return end
    }

    private static func fullMatch(_ text: Scalars) -> Bool {
        var index = 0
        while index < 2, index < text.count, text[index] == "%" { index += 1 }
        guard let first = word(text, index) else { return false }
        index = first
        while index < text.count {
            if text[index] == ".", let end = word(text, index + 1) {
                index = end
            } else if text[index] == "[" {
                var cursor = index + 1
                if cursor < text.count, text[cursor] == "-" { cursor += 1 }
                let digitsStart = cursor
                while cursor < text.count, ("0"..."9").contains(text[cursor]) { cursor += 1 }
                guard cursor > digitsStart, cursor < text.count, text[cursor] == "]" else { return false }
                index = cursor + 1
            } else {
                return false
            }
        }
        return true
    }
}
