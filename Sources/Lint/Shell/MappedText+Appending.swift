extension MappedText {
    /// Appends another mapped text, keeping its mapping.
    mutating func appendMapped(_ other: MappedText) {
        for (byte, offset) in zip(other.bytes, other.offsets) {
            append([byte], from: offset)
        }
        endOffset = other.endOffset
    }
}
