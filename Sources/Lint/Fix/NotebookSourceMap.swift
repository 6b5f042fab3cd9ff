/// Where each cell's `source` sits in a notebook's raw JSON, so a fix edits only the bytes of
/// the text it changes and every other byte of the file (other cells, outputs, metadata,
/// formatting) stays as it was. Reads nbformat 4 (`cells[].source`, a string or a list of
/// strings); anything else gives no map, and the notebook is left alone.
struct NotebookSourceMap {
    /// For one cell: its decoded source and, for each decoded byte, the raw range it came from.
    struct Cell {
        var decoded: [UInt8] = []
        var raw: [Range<Int>] = []
    }

    private(set) var cells: [Cell] = []

    init?(_ bytes: [UInt8]) {
        var scanner = Scanner(bytes: bytes)
        guard scanner.skipSpace(), scanner.peek == UInt8(ascii: "{") else { return nil }
        var found: [Cell]?
        let ok = scanner.object { key, scanner in
            guard key == "cells" else { return scanner.skipValue() }
            var cells: [Cell] = []
            let ok = scanner.array { scanner in
                var cell = Cell()
                let ok = scanner.object { key, scanner in
                    guard key == "source" else { return scanner.skipValue() }
                    if scanner.peek == UInt8(ascii: "\"") { return scanner.string(into: &cell) }
                    return scanner.array { scanner in scanner.string(into: &cell) }
                }
                cells.append(cell)
                return ok
            }
            found = cells
            return ok
        }
        guard ok, let found else { return nil }
        self.cells = found
    }

    /// The raw byte range of a decoded range of a cell's source, when the text there is
    /// written without escapes (so replacing it cannot break the JSON string).
    func rawRange(cell: Int, decoded range: Range<Int>) -> Range<Int>? {
        guard cell < cells.count, range.upperBound <= cells[cell].raw.count, !range.isEmpty else { return nil }
        let pieces = cells[cell].raw[range]
        guard pieces.allSatisfy({ $0.count == 1 }), let first = pieces.first, let last = pieces.last,
              last.upperBound - first.lowerBound == range.count else { return nil }
        return first.lowerBound..<last.upperBound
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() -> Bool {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
            return index < bytes.count
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard skipSpace(), peek == byte else { return false }
            index += 1
            return true
        }

        mutating func object(_ member: (String, inout Scanner) -> Bool) -> Bool {
            guard expect(UInt8(ascii: "{")) else { return false }
            _ = skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return true }
            while true {
                var keyCell = Cell()
                guard skipSpace(), string(into: &keyCell), expect(UInt8(ascii: ":")), skipSpace() else { return false }
                guard member(String(decoding: keyCell.decoded, as: UTF8.self), &self) else { return false }
                guard skipSpace() else { return false }
                if peek == UInt8(ascii: ",") { index += 1; continue }
                return expect(UInt8(ascii: "}"))
            }
        }

        mutating func array(_ element: (inout Scanner) -> Bool) -> Bool {
            guard expect(UInt8(ascii: "[")) else { return false }
            _ = skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return true }
            while true {
                guard skipSpace(), element(&self), skipSpace() else { return false }
                if peek == UInt8(ascii: ",") { index += 1; continue }
                return expect(UInt8(ascii: "]"))
            }
        }

        /// A JSON string, appended decoded to `cell` with each byte's raw range.
        mutating func string(into cell: inout Cell) -> Bool {
            guard skipSpace(), peek == UInt8(ascii: "\"") else { return false }
            index += 1
            while let byte = peek {
                if byte == UInt8(ascii: "\"") { index += 1; return true }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { return false }
                    let start = index
                    let escape = bytes[index + 1]
                    var decoded: [UInt8]
                    switch escape {
                    case UInt8(ascii: "n"): decoded = [0x0A]
                    case UInt8(ascii: "t"): decoded = [0x09]
                    case UInt8(ascii: "r"): decoded = [0x0D]
                    case UInt8(ascii: "b"): decoded = [0x08]
                    case UInt8(ascii: "f"): decoded = [0x0C]
                    case UInt8(ascii: "u"):
                        guard index + 6 <= bytes.count,
                              let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16)
                        else { return false }
                        // Surrogate pairs are kept as the replacement character: the text is only located, never re-encoded.
                        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                        decoded = Array(String(Character(scalar)).utf8)
                        index += 4
                    default: decoded = [escape]
                    }
                    index += 2
                    for byte in decoded {
                        cell.decoded.append(byte)
                        cell.raw.append(start..<index)
                    }
                    continue
                }
                cell.decoded.append(byte)
                cell.raw.append(index..<(index + 1))
                index += 1
            }
            return false
        }

        mutating func skipValue() -> Bool {
            guard skipSpace(), let byte = peek else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object { _, scanner in scanner.skipValue() }
            case UInt8(ascii: "["): return array { scanner in scanner.skipValue() }
            case UInt8(ascii: "\""):
                var ignored = Cell()
                return string(into: &ignored)
            default:
                while let next = peek, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(next) {
                    index += 1
                }
                return true
            }
        }
    }
}
