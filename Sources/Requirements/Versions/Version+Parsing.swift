extension Version {
    /// Parses a version written in any form PEP 440 accepts and normalises it: case is
    /// ignored, a leading `v` is allowed, `alpha`/`beta`/`c`/`pre`/`preview` spell the
    /// pre-release phases, `rev`/`r` and `-N` spell post-releases, and `-`, `_` or `.` may
    /// separate the parts.
    /// - Parameter text: The version, e.g. `2.1.4`, `1!2.0`, `1.0-RC1`, `1.0.post1.dev2+abc.5`.
    /// - Returns: `nil` when the text is not a valid version.
    public init?(_ text: String) {
        var scanner = VersionScanner(text)
        guard let version = scanner.parse() else { return nil }
        self = version
    }
}

/// A hand-written scanner for PEP 440's version grammar.
private struct VersionScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        let trimmed = text.trimmingSpaces().lowercased()
        bytes = Array(trimmed.utf8)
    }

    mutating func parse() -> Version? {
        guard !bytes.isEmpty else { return nil }
        if peek == UInt8(ascii: "v") { index += 1 }
        // Epoch and the first release number.
        guard var first = number() else { return nil }
        var epoch = 0
        if peek == UInt8(ascii: "!") {
            index += 1
            epoch = first
            guard let next = number() else { return nil }
            first = next
        }
        var release = [first]
        while peek == UInt8(ascii: "."), let next = peekByte(at: index + 1), isDigit(next) {
            index += 1
            guard let value = number() else { return nil }
            release.append(value)
        }
        var pre: PreRelease?
        var post: Int?
        var dev: Int?
        if let parsed = preRelease() {
            pre = parsed
        }
        if let parsed = postRelease() {
            post = parsed
        }
        if let parsed = devRelease() {
            dev = parsed
        }
        var local: [LocalSegment] = []
        if peek == UInt8(ascii: "+") {
            index += 1
            guard let parsed = localLabel() else { return nil }
            local = parsed
        }
        guard index == bytes.count else { return nil }
        return Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: local)
    }

    // MARK: parts

    private mutating func preRelease() -> PreRelease? {
        let start = index
        skipSeparator()
        let spellings: [(String, PreRelease.Kind)] = [
            ("alpha", .alpha), ("a", .alpha), ("beta", .beta), ("b", .beta),
            ("preview", .candidate), ("pre", .candidate), ("rc", .candidate), ("c", .candidate),
        ]
        for (word, kind) in spellings where consume(word) {
            return PreRelease(kind, optionalNumber())
        }
        index = start
        return nil
    }

    private mutating func postRelease() -> Int? {
        let start = index
        // Implicit post-release: 1.0-1.
        if peek == UInt8(ascii: "-"), let next = peekByte(at: index + 1), isDigit(next) {
            index += 1
            return number()
        }
        skipSeparator()
        for word in ["post", "rev", "r"] where consume(word) {
            return optionalNumber()
        }
        index = start
        return nil
    }

    private mutating func devRelease() -> Int? {
        let start = index
        skipSeparator()
        if consume("dev") {
            return optionalNumber()
        }
        index = start
        return nil
    }

    private mutating func localLabel() -> [LocalSegment]? {
        var segments: [LocalSegment] = []
        while true {
            let start = index
            while let byte = peek, isAlphanumeric(byte) { index += 1 }
            guard index > start else { return nil }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if text.utf8.allSatisfy(isDigit), let value = Int(text) {
                segments.append(.number(value))
            } else {
                segments.append(.text(text))
            }
            guard let byte = peek, isSeparator(byte) else { return segments }
            index += 1
        }
    }

    /// A number after an optional separator, or 0 when there is none (`1.0a` is `1.0a0`).
    private mutating func optionalNumber() -> Int {
        let start = index
        skipSeparator()
        if let value = number() {
            return value
        }
        index = start
        return 0
    }

    // MARK: characters

    private var peek: UInt8? { peekByte(at: index) }

    private func peekByte(at position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func number() -> Int? {
        let start = index
        while let byte = peek, isDigit(byte) { index += 1 }
        guard index > start else { return nil }
        return Int(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func consume(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word else {
            return false
        }
        index += word.count
        return true
    }

    private mutating func skipSeparator() {
        if let byte = peek, isSeparator(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    private func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
