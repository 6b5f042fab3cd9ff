/// Splits shell text into simple commands (at `&&`, `||`, `;`, `|`, `&`, newlines and
/// parentheses) of unquoted words. Enough of POSIX sh to find package installs: quotes,
/// backslashes, `$(…)`, `${…}`, backticks, comments and redirections.
public enum ShellTokenizer {
    /// The simple commands in the text.
    /// - Parameter text: The shell text with its offset mapping.
    /// - Returns: Each command's words, in order; empty commands are dropped.
    public static func commands(in text: MappedText) -> [[ShellWord]] {
        let bytes = text.bytes
        var commands: [[ShellWord]] = []
        var current: [ShellWord] = []
        var word: [UInt8] = []
        var wordStart: Int?
        var expansion = false
        var skipNextWord = false
        var index = 0

        func finishWord() {
            guard let start = wordStart else { return }
            if skipNextWord {
                skipNextWord = false
            } else {
                current.append(ShellWord(
                    text: String(decoding: word, as: UTF8.self), offset: text.originalOffset(at: start),
                    hasExpansion: expansion))
            }
            word = []
            wordStart = nil
            expansion = false
        }
        func finishCommand() {
            finishWord()
            if !current.isEmpty { commands.append(current) }
            current = []
        }
        func consume(until close: UInt8, from start: Int) -> Int {
            var cursor = start
            while cursor < bytes.count, bytes[cursor] != close { cursor += 1 }
            return cursor
        }
        func consumeBalanced(from start: Int, open: UInt8, close: UInt8) -> Int {
            var depth = 0
            var cursor = start
            while cursor < bytes.count {
                if bytes[cursor] == open { depth += 1 }
                if bytes[cursor] == close {
                    depth -= 1
                    if depth == 0 { return cursor }
                }
                cursor += 1
            }
            return cursor
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                finishWord()
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                 UInt8(ascii: "("), UInt8(ascii: ")"):
                finishCommand()
                index += 1
            case UInt8(ascii: "#") where wordStart == nil:
                index = consume(until: UInt8(ascii: "\n"), from: index)
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                // A redirection: drop an fd number before it and the target after it.
                if wordStart != nil, word.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    word = []
                    wordStart = nil
                } else {
                    finishWord()
                }
                index += 1
                while index < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "-")]
                    .contains(bytes[index]) {
                    index += 1
                }
                skipNextWord = true
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    index += 1
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { skipNextWord = false }
            case UInt8(ascii: "'"):
                if wordStart == nil { wordStart = index }
                let end = consume(until: UInt8(ascii: "'"), from: index + 1)
                word.append(contentsOf: bytes[min(index + 1, bytes.count)..<min(end, bytes.count)])
                index = end + 1
            case UInt8(ascii: "\""):
                if wordStart == nil { wordStart = index }
                var cursor = index + 1
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") {
                    if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < bytes.count,
                       [UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "\\")].contains(bytes[cursor + 1]) {
                        word.append(bytes[cursor + 1])
                        cursor += 2
                        continue
                    }
                    if bytes[cursor] == UInt8(ascii: "$") || bytes[cursor] == UInt8(ascii: "`") { expansion = true }
                    word.append(bytes[cursor])
                    cursor += 1
                }
                index = cursor + 1
            case UInt8(ascii: "\\"):
                if wordStart == nil { wordStart = index }
                if index + 1 < bytes.count {
                    if bytes[index + 1] != UInt8(ascii: "\n") { word.append(bytes[index + 1]) }
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "$"):
                if wordStart == nil { wordStart = index }
                expansion = true
                var end = index
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                    end = consumeBalanced(from: index + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                    end = consume(until: UInt8(ascii: "}"), from: index + 1)
                }
                word.append(contentsOf: bytes[index..<min(end + 1, bytes.count)])
                index = end + 1
            case UInt8(ascii: "`"):
                if wordStart == nil { wordStart = index }
                expansion = true
                let end = consume(until: UInt8(ascii: "`"), from: index + 1)
                word.append(contentsOf: bytes[index..<min(end + 1, bytes.count)])
                index = end + 1
            default:
                if wordStart == nil { wordStart = index }
                word.append(byte)
                index += 1
            }
        }
        finishCommand()
        return commands
    }

    /// The words of a JSON-array (exec form) instruction, e.g. `["pip", "install", "x"]`,
    /// or `nil` when the text is not one.
    /// - Parameter text: The instruction's arguments.
    /// - Returns: The strings, each at the offset of its opening quote plus one.
    public static func execForm(_ text: MappedText) -> [ShellWord]? {
        let bytes = text.bytes
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }), bytes[first] == UInt8(ascii: "["),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              bytes[last] == UInt8(ascii: "]") else { return nil }
        var words: [ShellWord] = []
        var index = first + 1
        while index < last {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                var cursor = index + 1
                while cursor < last, bytes[cursor] != UInt8(ascii: "\"") {
                    if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < last {
                        cursor += 1
                    }
                    value.append(bytes[cursor])
                    cursor += 1
                }
                words.append(ShellWord(text: String(decoding: value, as: UTF8.self), offset: text.originalOffset(at: index + 1)))
                index = cursor + 1
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else {
                return nil
            }
        }
        return words
    }
}
