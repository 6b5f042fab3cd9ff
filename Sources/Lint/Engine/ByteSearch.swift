/// Substring search over UTF-8 bytes, for the pre-checks that run on every file (the generic
/// `firstRange(of:)` costs far more per call than the search itself).
enum ByteSearch {
    /// Whether `needle` occurs in the text's UTF-8 bytes.
    static func contains<S: StringProtocol>(_ needle: String, in text: S) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            search(pattern, first: first, in: bytes)
        }
        if let found { return found }
        return search(pattern, first: first, in: Array(text.utf8))
    }

    static func search<C: RandomAccessCollection>(_ pattern: [UInt8], first: UInt8, in bytes: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        outer: while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count {
                    if bytes[index + offset] != pattern[offset] {
                        index += 1
                        continue outer
                    }
                    offset += 1
                }
                return true
            }
            index += 1
        }
        return false
    }
}
