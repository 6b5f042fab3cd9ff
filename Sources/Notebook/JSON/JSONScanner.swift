/// A strict RFC 8259 scanner over a buffer of UTF-8 bytes.
///
/// Every access is bounds-checked against `count` by hand (the buffer is unsafe for speed),
/// numbers are kept as text, nesting is capped at ``maxDepth``, and invalid UTF-8 is an
/// error. The scanner records the offset of every newline it passes in whitespace; since a
/// JSON string cannot contain a raw newline, that is every newline before the current
/// position, which gives line numbers without a second pass over the file.
struct JSONScanner {
    /// Deepest nesting of arrays and objects accepted.
    static let maxDepth = 512

    let base: UnsafePointer<UInt8>
    let count: Int
    /// The current byte offset.
    var position: Int
    /// Offsets of the newlines seen so far, in order.
    var newlines: [Int] = []

    /// - Parameters:
    ///   - base: The first byte; the `count` bytes from it must stay valid while the
    ///     scanner is used.
    ///   - count: The number of bytes.
    ///   - start: Where to start (after a byte order mark, say).
    init(base: UnsafePointer<UInt8>, count: Int, start: Int) {
        self.base = base
        self.count = max(0, count)
        self.position = max(0, min(start, self.count))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The byte at the current position, or `nil` at the end.
    var current: UInt8? {
        position < count ? base[position] : nil
    }

    mutating func skipWhitespace() {
        while position < count {
            let byte = base[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                position += 1
            } else if byte == 0x0A {
                newlines.append(position)
                position += 1
            } else {
                return
            }
        }
    }

    func endOfFile() -> JSONSyntaxError {
        JSONSyntaxError(offset: count, message: "unexpected end of file")
    }

    /// The byte, described for a message: `'x'` for printable ASCII, else its code.
    func describe(at offset: Int) -> String {
        guard offset < count else { return "end of file" }
        let byte = base[offset]
        if byte >= 0x21 && byte < 0x7F {
            return "'" + String(UnicodeScalar(byte)) + "'"
        }
        if byte < 0x80 {
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
        var end = offset
        if let scalar = decodeScalar(at: offset, end: &end) {
            return "'" + String(Character(scalar)) + "'"
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: - Literals and numbers

    /// Scans `true`, `false` or `null` at the current position.
    mutating func scanLiteral() throws(JSONSyntaxError) -> JSONNode.Kind {
        let start = position
        func matches(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard start + length <= count else { return false }
            let pointer = word.utf8Start
            for index in 0..<length where base[start + index] != pointer[index] {
                return false
            }
            return true
        }
        if matches("true") {
            position += 4
            return .bool(true)
        }
        if matches("false") {
            position += 5
            return .bool(false)
        }
        if matches("null") {
            position += 4
            return .null
        }
        throw JSONSyntaxError(offset: start, message: "expected a JSON value, found \(describe(at: start))")
    }

    @inline(__always)
    private func isDigit(_ offset: Int) -> Bool {
        offset < count && base[offset] >= 0x30 && base[offset] <= 0x39
    }

    /// Scans a number at the current position and returns its byte range.
    mutating func scanNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = position
        var index = position
        if index < count && base[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard isDigit(index) else {
            throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit after '-'")
        }
        if base[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < count && base[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else {
                throw JSONSyntaxError(offset: index, message: "invalid number: expected a digit after '.'")
            }
            while isDigit(index) { index += 1 }
        }
        if index < count && (base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E")) {
            index += 1
            if index < count && (base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit(index) else {
                throw JSONSyntaxError(offset: index, message: "invalid number: expected a digit in the exponent")
            }
            while isDigit(index) { index += 1 }
        }
        position = index
        return start..<index
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }
}
