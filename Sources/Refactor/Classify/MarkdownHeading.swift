/// A heading found in a markdown cell.
struct MarkdownHeading: Sendable, Equatable {
    /// 1 for `#`, 2 for `##`, …
    var level: Int
    /// The heading text without markup.
    var text: String

    /// Every heading in a markdown cell's source: ATX (`## Text`), setext (`Text` over
    /// `===`/`---`) and HTML (`<h2>Text</h2>`), skipping fenced code blocks.
    static func headings(in markdown: String) -> [MarkdownHeading] {
        var result: [MarkdownHeading] = []
        var inFence = false
        var previous: Substring? = nil
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop(while: { $0 == " " })
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                previous = nil
                continue
            }
            if inFence { continue }
            if line.hasPrefix("#") {
                let level = line.prefix(while: { $0 == "#" }).count
                let rest = line.dropFirst(level)
                if level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" {
                    let text = clean(rest)
                    if !text.isEmpty { result.append(MarkdownHeading(level: level, text: text)) }
                    previous = nil
                    continue
                }
            }
            if let underline = line.first, underline == "=" || underline == "-",
               line.allSatisfy({ $0 == underline || $0 == " " }),
               let previous, !previous.trimmedWhitespace().isEmpty {
                result.append(MarkdownHeading(level: underline == "=" ? 1 : 2, text: clean(previous)))
            }
            if let html = htmlHeading(line) {
                result.append(html)
            }
            previous = line
        }
        return result
    }

    private static func htmlHeading(_ line: Substring) -> MarkdownHeading? {
        let lower = line.lowercased()
        guard lower.hasPrefix("<h"), lower.count > 3,
              let digit = lower.dropFirst(2).first, let level = digit.wholeNumberValue, (1...6).contains(level),
              let close = lower.firstIndex(of: ">") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: close) + 1
        let inner = String(line.dropFirst(offset))
            .replacing(#/<[^>]*>/#, with: "")
        let text = clean(Substring(inner))
        return text.isEmpty ? nil : MarkdownHeading(level: level, text: text)
    }

    private static func clean(_ text: Substring) -> String {
        var result = text.trimmedWhitespace()
        while result.hasSuffix("#") { result.removeLast() }
        let markup: Set<Character> = ["*", "_", "`"]
        result.removeAll(where: { markup.contains($0) })
        return result.trimmedWhitespace()
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmedWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
