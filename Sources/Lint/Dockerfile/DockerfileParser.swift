/// Reads Dockerfile text into instructions: parser directives (`# escape=`), comments,
/// `\` continuations (comment and blank lines inside them dropped, as BuildKit does) and
/// heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`). It never fails: text it cannot make sense of
/// still becomes an instruction, and the rules judge what they understand.
public enum DockerfileParser {
    /// Parses a Dockerfile.
    /// - Parameter text: The file's text.
    /// - Returns: The instructions.
    public static func parse(_ text: String) -> Dockerfile {
        let bytes = Array(text.utf8)
        let lines = physicalLines(bytes)
        var dockerfile = Dockerfile(escape: escapeDirective(bytes, lines) ?? UInt8(ascii: "\\"))
        let escape = dockerfile.escape
        var index = 0

        func isSkippable(_ line: Range<Int>) -> Bool {
            guard let first = line.first(where: { !isBlank(bytes[$0]) }) else { return true }
            return bytes[first] == UInt8(ascii: "#")
        }

        while index < lines.count {
            let line = lines[index]
            if isSkippable(line) {
                index += 1
                continue
            }
            let start = line.first(where: { !isBlank(bytes[$0]) }) ?? line.lowerBound
            var logical = MappedText(endOffset: line.upperBound)
            logical.append(bytes[start..<line.upperBound], from: start)
            let startLine = index + 1
            while endsWithEscape(logical, escape) {
                while let last = logical.bytes.last, isBlank(last) { logical.removeLast(1) }
                logical.removeLast(1)
                index += 1
                while index < lines.count, isSkippable(lines[index]) { index += 1 }
                guard index < lines.count else { break }
                logical.append(bytes[lines[index]], from: lines[index].lowerBound)
            }
            index += 1

            let keywordEnd = logical.bytes.firstIndex(where: isBlank) ?? logical.bytes.count
            let keyword = String(decoding: logical.bytes[..<keywordEnd], as: UTF8.self).uppercased()
            let argumentStart = logical.bytes[keywordEnd...].firstIndex(where: { !isBlank($0) }) ?? logical.bytes.count
            let arguments = logical.suffix(from: argumentStart)

            var heredocs: [MappedText] = []
            for marker in heredocMarkers(in: arguments.bytes) {
                var body = MappedText(endOffset: index < lines.count ? lines[index].lowerBound : bytes.count)
                while index < lines.count {
                    let bodyLine = lines[index]
                    index += 1
                    var content = bodyLine.lowerBound
                    if marker.stripsTabs {
                        while content < bodyLine.upperBound, bytes[content] == UInt8(ascii: "\t") { content += 1 }
                    }
                    if Array(bytes[content..<bodyLine.upperBound]) == marker.delimiter { break }
                    body.append(bytes[content..<bodyLine.upperBound], from: content)
                    body.append([UInt8(ascii: "\n")], from: bodyLine.upperBound)
                }
                heredocs.append(body)
            }
            dockerfile.instructions.append(
                DockerInstruction(
                    keyword: keyword, arguments: arguments, line: startLine, endLine: index,
                    heredocs: heredocs))
        }
        return dockerfile
    }

    /// Each line's byte range, without its `\n` (and without a `\r` before it).
    static func physicalLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            var end = offset
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(start..<end)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    /// The `# escape=` directive, read only from the leading run of directive lines.
    static func escapeDirective(_ bytes: [UInt8], _ lines: [Range<Int>]) -> UInt8? {
        for line in lines {
            let text = String(decoding: bytes[line], as: UTF8.self).trimmingSpaces
            guard text.hasPrefix("#") else { return nil }
            let body = text.dropFirst()
            guard let equals = body.firstIndex(of: "=") else { return nil }
            let key = body[..<equals].trimmingSpaces.lowercased()
            let value = body[body.index(after: equals)...].trimmingSpaces
            guard ["escape", "syntax", "check"].contains(key) else { return nil }
            if key == "escape", value == "`" || value == "\\" { return value.utf8.first }
        }
        return nil
    }

    static func endsWithEscape(_ text: MappedText, _ escape: UInt8) -> Bool {
        guard let last = text.bytes.lastIndex(where: { !isBlank($0) }), text.bytes[last] == escape else {
            return false
        }
        return true
    }

    struct HeredocMarker {
        var delimiter: [UInt8]
        var stripsTabs: Bool
    }

    /// `<<[-]["']WORD["']` outside quotes, in order.
    static func heredocMarkers(in bytes: [UInt8]) -> [HeredocMarker] {
        var markers: [HeredocMarker] = []
        var index = 0
        var quote: UInt8?
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "<"),
                  bytes[index + 2] != UInt8(ascii: "<") else {
                index += 1
                continue
            }
            var cursor = index + 2
            let stripsTabs = bytes[cursor] == UInt8(ascii: "-")
            if stripsTabs { cursor += 1 }
            var wordQuote: UInt8?
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "'") || bytes[cursor] == UInt8(ascii: "\"") {
                wordQuote = bytes[cursor]
                cursor += 1
            }
            let wordStart = cursor
            while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
            if cursor > wordStart {
                markers.append(HeredocMarker(delimiter: Array(bytes[wordStart..<cursor]), stripsTabs: stripsTabs))
                if let wordQuote, cursor < bytes.count, bytes[cursor] == wordQuote { cursor += 1 }
            }
            index = max(cursor, index + 2)
        }
        return markers
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
