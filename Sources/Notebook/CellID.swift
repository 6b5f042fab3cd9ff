/// The rules for nbformat 4.5 cell ids.
enum CellID {
    /// Whether `id` matches nbformat's `^[a-zA-Z0-9-_]+$` with 1 to 64 characters.
    static func isValid(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard (1...64).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
