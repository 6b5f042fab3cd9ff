extension JSONScanner {
    /// The offset of the first byte at or after `start` that a string scanner must look at:
    /// `"`, `\`, a control character or a non-ASCII byte; `count` if there is none.
    ///
    /// Eight bytes at a time (SWAR), so megabytes of base64 go by at memory speed.
    @inline(__always)
    func firstSpecialByte(from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* 0x22
        let backslashes = ones &* 0x5C
        let spaces = ones &* 0x20
        var index = start
        while true {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quote = word ^ quotes
                let backslash = word ^ backslashes
                let control = (word &- spaces) & ~word
                let isQuote = (quote &- ones) & ~quote
                let isBackslash = (backslash &- ones) & ~backslash
                if (control | isQuote | isBackslash | word) & highs != 0 {
                    break
                }
                index += 8
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = base[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 {
                    return index
                }
                index += 1
            }
            if index >= count {
                return count
            }
        }
    }

    /// Validates one UTF-8 sequence starting at `offset` (a byte ≥ 0x80) and returns the
    /// scalar, setting `end` past it; `nil` if the sequence is invalid (overlong, surrogate,
    /// out of range, truncated).
    func decodeScalar(at offset: Int, end: inout Int) -> Unicode.Scalar? {
        guard offset < count else { return nil }
        let lead = base[offset]
        func continuation(_ index: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard index < count else { return nil }
            let byte = base[index]
            guard byte >= low && byte <= high else { return nil }
            return UInt32(byte & 0x3F)
        }
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            guard let c1 = continuation(offset + 1) else { return nil }
            value = (UInt32(lead & 0x1F) << 6) | c1
            end = offset + 2
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(offset + 1, low, high), let c2 = continuation(offset + 2) else { return nil }
            value = (UInt32(lead & 0x0F) << 12) | (c1 << 6) | c2
            end = offset + 3
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(offset + 1, low, high), let c2 = continuation(offset + 2),
                  let c3 = continuation(offset + 3) else { return nil }
            value = (UInt32(lead & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            end = offset + 4
        default:
            return nil
        }
        return Unicode.Scalar(value)
    }

    private func hexValue(_ offset: Int) -> UInt32? {
        guard offset < count else { return nil }
        switch base[offset] {
        case 0x30...0x39: return UInt32(base[offset] - 0x30)
        case 0x41...0x46: return UInt32(base[offset] - 0x41 + 10)
        case 0x61...0x66: return UInt32(base[offset] - 0x61 + 10)
        default: return nil
        }
    }

    /// The four hex digits after `\u` at `offset` (the backslash).
    private func unicodeEscape(at offset: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            guard let digit = hexValue(offset + 2 + index) else {
                if offset + 2 + index >= count { throw endOfFile() }
                throw JSONSyntaxError(offset: offset, message: "invalid escape: '\\u' must be followed by four hex digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Validates the escape whose backslash is at `offset`; returns the offset after it.
    private func skipEscape(at offset: Int) throws(JSONSyntaxError) -> Int {
        guard offset + 1 < count else { throw endOfFile() }
        switch base[offset + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            return offset + 2
        case 0x75:
            _ = try unicodeEscape(at: offset)
            return offset + 6
        default:
            throw JSONSyntaxError(offset: offset, message: "invalid escape '\\\(describe(at: offset + 1).trimmingQuotes)' in string")
        }
    }

    /// Decodes the escape whose backslash is at `offset`, returning the scalar and the
    /// offset after it. A lone surrogate becomes U+FFFD (Python's `json` accepts them).
    private func decodeEscape(at offset: Int) throws(JSONSyntaxError) -> (Unicode.Scalar, Int) {
        guard offset + 1 < count else { throw endOfFile() }
        let simple: UInt8
        switch base[offset + 1] {
        case 0x22: simple = 0x22
        case 0x5C: simple = 0x5C
        case 0x2F: simple = 0x2F
        case 0x62: simple = 0x08
        case 0x66: simple = 0x0C
        case 0x6E: simple = 0x0A
        case 0x72: simple = 0x0D
        case 0x74: simple = 0x09
        case 0x75:
            let first = try unicodeEscape(at: offset)
            if (0xD800...0xDBFF).contains(first) {
                let next = offset + 6
                if next + 1 < count, base[next] == 0x5C, base[next + 1] == 0x75,
                   let second = try? unicodeEscape(at: next), (0xDC00...0xDFFF).contains(second) {
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return (Unicode.Scalar(combined) ?? "\u{FFFD}", next + 6)
                }
                return ("\u{FFFD}", next)
            }
            return (Unicode.Scalar(first) ?? "\u{FFFD}", offset + 6)
        default:
            throw JSONSyntaxError(offset: offset, message: "invalid escape '\\\(describe(at: offset + 1).trimmingQuotes)' in string")
        }
        return (Unicode.Scalar(simple), offset + 2)
    }

    private func unterminated(_ open: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: open, message: "unterminated string")
    }

    private func controlCharacter(_ offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: "control character \(describe(at: offset)) in string must be escaped")
    }

    private func invalidUTF8(_ offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: "invalid UTF-8 in string")
    }

    /// Validates the string whose opening quote is at the current position and moves past
    /// it, without decoding.
    mutating func skipString() throws(JSONSyntaxError) {
        let open = position
        var index = position + 1
        while true {
            index = firstSpecialByte(from: index)
            guard index < count else { throw unterminated(open) }
            let byte = base[index]
            if byte == 0x22 {
                position = index + 1
                return
            } else if byte == 0x5C {
                index = try skipEscape(at: index)
            } else if byte < 0x20 {
                throw controlCharacter(index)
            } else {
                var end = index
                guard decodeScalar(at: index, end: &end) != nil else { throw invalidUTF8(index) }
                index = end
            }
        }
    }

    /// Decodes the string whose opening quote is at the current position and moves past it.
    mutating func scanString() throws(JSONSyntaxError) -> String {
        let open = position
        var index = firstSpecialByte(from: position + 1)
        if index < count && base[index] == 0x22 {
            position = index + 1
            return text(open + 1..<index)
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(index - open + 16)
        var chunkStart = open + 1
        while true {
            guard index < count else { throw unterminated(open) }
            let byte = base[index]
            if byte == 0x22 {
                buffer.append(contentsOf: UnsafeBufferPointer(start: base + chunkStart, count: index - chunkStart))
                position = index + 1
                return String(decoding: buffer, as: UTF8.self)
            } else if byte == 0x5C {
                buffer.append(contentsOf: UnsafeBufferPointer(start: base + chunkStart, count: index - chunkStart))
                let (scalar, next) = try decodeEscape(at: index)
                UTF8.encode(scalar) { buffer.append($0) }
                index = next
                chunkStart = next
            } else if byte < 0x20 {
                throw controlCharacter(index)
            } else {
                var end = index
                guard decodeScalar(at: index, end: &end) != nil else { throw invalidUTF8(index) }
                index = end
            }
            index = firstSpecialByte(from: index)
        }
    }
}

extension String {
    /// `'x'` → `x`.
    fileprivate var trimmingQuotes: String {
        guard count >= 2, first == "'", last == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
