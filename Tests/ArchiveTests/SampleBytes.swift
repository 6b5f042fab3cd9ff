/// Deterministic test input that is neither all-compressible nor all-random.
enum SampleBytes {
    /// `count` bytes: 64 KiB stretches of xorshift noise, of text and of zeros, in a fixed
    /// pattern (so deflate emits stored, Huffman and match-heavy blocks, and chunk seams fall in
    /// each kind).
    static func mixed(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let text = Array("def transform(self, frame):\n    return frame.assign(total=frame.a + frame.b)\n".utf8)
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            switch (index >> 16) % 3 {
            case 0:
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                bytes[index] = UInt8(truncatingIfNeeded: state)
            case 1:
                bytes[index] = text[index % text.count]
            default:
                bytes[index] = 0
            }
        }
        return bytes
    }
}
