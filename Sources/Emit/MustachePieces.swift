/// Cuts a template text into pieces that Mustache can parse one by one and whose renderings,
/// joined, are the rendering of the whole: swift-mustache's parser measures the rest of its
/// text at every tag (`String.distance`, linear), so parsing is quadratic in the text's length,
/// and a long template (a generated module, a README) took a third of `convert`.
///
/// A cut is made only just after a newline, outside any tag (a comment may span lines) and
/// outside any section, so every line, and with it Mustache's standalone-tag rule, is the same
/// in its piece as in the whole, and every section opens and closes in one piece. A text with
/// set-delimiter, partial-block or block tags (`{{=`, `{{<`, `{{$`) is never cut.
enum MustachePieces {
    /// One piece: its text and the 1-based line of the whole text it starts on.
    struct Piece: Equatable {
        var text: Substring
        var firstLine: Int
    }

    /// The pieces of `text`, each at least `size` bytes long but the last (one piece when no
    /// cut is allowed).
    static func cut(_ text: String, size: Int = 1024) -> [Piece] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var pieces: [Piece] = []
        var start = 0, startLine = 1, line = 1, depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == brace, index + 1 < bytes.count, bytes[index + 1] == brace {
                var sigil = index + 2
                if sigil < bytes.count, bytes[sigil] == brace { sigil += 1 }
                let kind = sigil < bytes.count ? bytes[sigil] : 0
                if kind == UInt8(ascii: "=") || kind == UInt8(ascii: "<") || kind == UInt8(ascii: "$") {
                    return [Piece(text: text[...], firstLine: 1)]
                }
                // Skip to the end of the tag, counting the newlines inside it.
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) {
                    if bytes[end] == newline { line += 1 }
                    end += 1
                }
                if kind == UInt8(ascii: "#") || kind == UInt8(ascii: "^") { depth += 1 }
                if kind == UInt8(ascii: "/") { depth -= 1 }
                index = end + 2
                continue
            }
            index += 1
            if byte == newline {
                line += 1
                if depth == 0, index - start >= size, index < bytes.count {
                    pieces.append(Piece(text: slice(text, bytes: start..<index), firstLine: startLine))
                    start = index
                    startLine = line
                }
            }
        }
        pieces.append(Piece(text: slice(text, bytes: start..<bytes.count), firstLine: startLine))
        return pieces
    }

    /// The characters of `text` at UTF-8 offsets `range` (cuts fall just after a newline, so
    /// always on a character boundary).
    private static func slice(_ text: String, bytes range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }
}
