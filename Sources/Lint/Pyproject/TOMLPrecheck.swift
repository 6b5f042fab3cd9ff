import Diagnostics

/// Finds the TOML that makes toml++ (under TOMLKit) abort instead of reporting an error: a
/// table header whose first key character is neither a bare-key character nor a quote
/// (`[}x]`, `[[ .x]]`, `[` followed by a line break), and a `}` where an array expects a value
/// (`[1, }]`). toml++ asserts on these even in release builds, which would crash the linter,
/// so they are rejected here with a location first (both are invalid TOML anyway). Found by
/// `RobustnessTests`.
enum TOMLPrecheck {
    /// The location of the first header toml++ cannot survive, if any.
    /// - Parameter text: The TOML text.
    /// - Returns: 1-based line and column.
    static func unsafeHeader(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var index = 0
        var open: [UInt8] = []
        var depth: Int { open.count }
        var atLineStart = true
        var inValue = false
        func isBareKey(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        func skipBlanks(_ position: inout Int) {
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                position += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                if depth == 0 { inValue = false }
                atLineStart = true
                index += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = endOfString(bytes, from: index)
                atLineStart = false
                continue
            default:
                break
            }
            if atLineStart, depth == 0, !inValue, byte == UInt8(ascii: "[") {
                var cursor = index + 1
                skipBlanks(&cursor)
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "[") {
                    cursor += 1
                    skipBlanks(&cursor)
                }
                if cursor < bytes.count {
                    let first = bytes[cursor]
                    if !(isBareKey(first) || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "]")) {
                        let (line, column) = LineIndex(bytes).lineAndColumn(of: cursor)
                        return (line, column)
                    }
                }
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            atLineStart = false
            if byte == UInt8(ascii: "="), depth == 0 { inValue = true }
            if inValue {
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { open.append(byte) }
                if byte == UInt8(ascii: "}"), open.last == UInt8(ascii: "[") {
                    let (line, column) = LineIndex(bytes).lineAndColumn(of: index)
                    return (line, column)
                }
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"), !open.isEmpty { open.removeLast() }
            }
            index += 1
        }
        return nil
    }

    /// The index just past a basic, literal or multi-line string starting at `start`.
    static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if !triple, byte == UInt8(ascii: "\n") { return index }
            if byte == quote {
                if !triple { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }
}
