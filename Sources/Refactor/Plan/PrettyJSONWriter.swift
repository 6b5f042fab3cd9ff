/// Writes pretty-printed JSON byte for byte as Foundation's `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents, `" : "`
/// between key and value, `[\n\n]` for empty containers, control characters as `\uXXXX`
/// (lower-case hex) except `\b \t \n \f \r`.
///
/// It keeps no key order of its own: callers write keys already sorted. ``PlanJSON`` uses it
/// because Foundation's encoder on Linux is slow on large plans.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has no element yet.
    private var empty: [Bool] = []
    private var afterKey = false

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    /// The document written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { beginValue(); open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { beginValue(); open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the current object.
    mutating func key(_ key: String) {
        separate()
        writeString(key)
        bytes.append(contentsOf: [32, UInt8(ascii: ":"), 32])
        afterKey = true
    }

    mutating func string(_ value: String?) {
        beginValue()
        if let value { writeString(value) } else { writeNull() }
    }

    mutating func int(_ value: Int?) {
        beginValue()
        if let value { bytes.append(contentsOf: String(value).utf8) } else { writeNull() }
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes a value already rendered by `JSONEncoder` at depth 0, re-indented to this depth
    /// (its lines hold no raw newline inside strings, which are escaped; blank lines stay blank).
    mutating func rendered(_ json: String) {
        beginValue()
        let indent = [UInt8](repeating: 32, count: 2 * empty.count)
        var lineStart = false
        for byte in json.utf8 {
            // The blank line of an empty container stays blank.
            if lineStart && byte != 10 { bytes.append(contentsOf: indent) }
            bytes.append(byte)
            lineStart = byte == 10
        }
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false } else if !empty.isEmpty { separate() }
    }

    private mutating func separate() {
        if let last = empty.indices.last {
            if !empty[last] { bytes.append(UInt8(ascii: ",")) }
            empty[last] = false
        }
        bytes.append(10)
        writeIndent(empty.count)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        bytes.append(10)
        if wasEmpty { bytes.append(10) }
        writeIndent(empty.count)
        bytes.append(bracket)
    }

    private mutating func writeIndent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(32) }
    }

    private mutating func writeNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, UInt8(ascii: "\"")])
            case 92: bytes.append(contentsOf: [92, 92])
            case 8: bytes.append(contentsOf: [92, UInt8(ascii: "b")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 12: bytes.append(contentsOf: [92, UInt8(ascii: "f")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
