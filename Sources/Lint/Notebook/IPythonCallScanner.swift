/// Finds the shell commands that IPython's own API runs, as nbconvert and jupytext write them
/// when they turn `!cmd` and `%pip …` into Python: `get_ipython().system("…")`,
/// `get_ipython().getoutput("…")`, `get_ipython().run_line_magic("pip", "install …")` and
/// `get_ipython().run_cell_magic("bash", "", "…")`. Only string-literal arguments are read; a
/// call whose arguments are expressions is skipped, and so is one that does not start its
/// statement (a call written inside a string or another call).
enum IPythonCallScanner {
    /// The magics whose line is a package manager's command line.
    static let packageMagics: Set<String> = ["pip", "conda", "mamba", "micromamba", "uv"]

    /// The commands the calls in `bytes` run, mapped to offsets in `bytes`.
    /// - Parameter bytes: A cell's or file's UTF-8 text.
    /// - Returns: One text per call (several commands each, as the shell reads them).
    static func commandTexts(in bytes: [UInt8]) -> [MappedText] {
        let needle = Array("get_ipython().".utf8)
        var results: [MappedText] = []
        var index = 0
        while index + needle.count <= bytes.count {
            guard bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) else {
                index += 1
                continue
            }
            if index > 0, isIdentifierByte(bytes[index - 1]) || !startsStatement(bytes, at: index) {
                index += 1
                continue
            }
            var cursor = index + needle.count
            let nameStart = cursor
            while cursor < bytes.count, isIdentifierByte(bytes[cursor]) { cursor += 1 }
            let method = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
            index = cursor
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") else { continue }
            cursor += 1
            var arguments: [MappedText] = []
            while true {
                skipSpace(bytes, &cursor)
                guard let literal = stringLiteral(bytes, &cursor) else { break }
                arguments.append(literal)
                skipSpace(bytes, &cursor)
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") else { break }
                cursor += 1
            }
            index = max(index, cursor)
            switch method {
            case "system", "getoutput":
                if let command = arguments.first { results.append(command) }
            case "run_line_magic", "magic":
                guard arguments.count >= 2 || method == "magic", let name = arguments.first else { continue }
                if method == "magic" {
                    // `magic("pip install x")`: the first word is the magic.
                    let words = name.string.split(separator: " ", maxSplits: 1)
                    guard let first = words.first, packageMagics.contains(String(first)) else { continue }
                    results.append(name)
                    continue
                }
                guard packageMagics.contains(name.string) else { continue }
                var command = name
                var space = MappedText(endOffset: arguments[1].originalOffset(at: 0))
                space.append([UInt8(ascii: " ")], from: max(0, arguments[1].originalOffset(at: 0) - 1))
                command.appendMapped(space)
                command.appendMapped(arguments[1])
                results.append(command)
            case "run_cell_magic":
                guard arguments.count >= 3, ["bash", "sh"].contains(arguments[0].string) else { continue }
                results.append(arguments[2])
            default:
                continue
            }
        }
        return results
    }

    /// Whether the call at `index` starts its line's statement, as nbconvert writes it: only
    /// indentation before it, or an assignment target (`files = get_ipython().getoutput(…)`).
    /// A call quoted inside a string or passed as an argument is not an IPython line.
    static func startsStatement(_ bytes: [UInt8], at index: Int) -> Bool {
        var start = index
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let before = bytes[start..<index].filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard let last = before.last else { return true }
        guard last == UInt8(ascii: "="), before.count >= 2 else { return false }
        let target = before.dropLast()
        guard let previous = target.last, !"=!<>+-*/%&|^".utf8.contains(previous) else { return false }
        return target.allSatisfy { isIdentifierByte($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func skipSpace(_ bytes: [UInt8], _ cursor: inout Int) {
        while cursor < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[cursor]) {
            cursor += 1
        }
    }

    /// A Python string literal (prefixes `r`, `u`, `b`, `f`; single or triple quotes) decoded,
    /// each byte mapped to where it was written; `nil` (cursor unchanged) when there is none.
    static func stringLiteral(_ bytes: [UInt8], _ cursor: inout Int) -> MappedText? {
        var position = cursor
        var raw = false
        while position < bytes.count, position - cursor < 2,
              let lower = Optional(bytes[position] | 0x20), [UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "b"), UInt8(ascii: "f")].contains(lower) {
            if lower == UInt8(ascii: "r") { raw = true }
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[position]
        let triple = position + 2 < bytes.count && bytes[position + 1] == quote && bytes[position + 2] == quote
        position += triple ? 3 : 1
        var text = MappedText(endOffset: position)
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                if !triple {
                    cursor = position + 1
                    return text
                }
                if position + 2 < bytes.count, bytes[position + 1] == quote, bytes[position + 2] == quote {
                    cursor = position + 3
                    return text
                }
            }
            if !triple, byte == UInt8(ascii: "\n") { return nil }
            if byte == UInt8(ascii: "\\"), !raw, position + 1 < bytes.count {
                let next = bytes[position + 1]
                let decoded: UInt8? = switch next {
                case UInt8(ascii: "n"): UInt8(ascii: "\n")
                case UInt8(ascii: "t"): UInt8(ascii: "\t")
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): next
                case UInt8(ascii: "\n"): nil
                default: next
                }
                if let decoded { text.append([decoded], from: position + 1) }
                position += 2
                continue
            }
            text.append([byte], from: position)
            position += 1
        }
        return nil
    }
}
