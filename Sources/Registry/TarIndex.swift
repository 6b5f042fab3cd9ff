import Foundation

/// Where each regular file of an uncompressed tar lies, so a push reads blobs straight out of
/// an oci-archive instead of unpacking it first. Understands ustar and pax headers (`x` path
/// and size records), GNU long names (`L`); anything else (a compressed tar, a damaged
/// header) is ``TarIndexError`` and the caller unpacks the archive instead.
struct TarIndex {
    /// One file's bytes: `size` bytes from `offset` in the tar.
    struct Entry {
        var offset: UInt64
        var size: Int64
    }

    /// Regular files by path (no leading `./`).
    var entries: [String: Entry] = [:]

    /// Reads the headers of `path`.
    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw TarIndexError() }
        defer { try? handle.close() }
        var position: UInt64 = 0
        var paxPath: String?
        var paxSize: Int64?
        var longName: String?
        while true {
            try handle.seek(toOffset: position)
            guard let header = try handle.read(upToCount: 512).map([UInt8].init), header.count == 512 else { throw TarIndexError() }
            if header.allSatisfy({ $0 == 0 }) { return }
            guard Self.checksumMatches(header) else { throw TarIndexError() }
            let type = header[156]
            let headerSize = try Self.number(header[124..<136])
            let size = paxSize ?? headerSize
            let dataOffset = position + 512
            func data() throws -> [UInt8] {
                guard size <= 1 << 20 else { throw TarIndexError() }
                try handle.seek(toOffset: dataOffset)
                return [UInt8](try handle.read(upToCount: Int(size)) ?? Data())
            }
            switch type {
            case UInt8(ascii: "x"):
                for (key, value) in Self.paxRecords(try data()) {
                    if key == "path" { paxPath = value }
                    if key == "size", let number = Int64(value) { paxSize = number }
                }
                position = dataOffset + Self.rounded(headerSize)
                continue
            case UInt8(ascii: "L"):
                longName = String(decoding: try data().prefix { $0 != 0 }, as: UTF8.self)
                position = dataOffset + Self.rounded(headerSize)
                continue
            case UInt8(ascii: "g"):
                position = dataOffset + Self.rounded(headerSize)
                continue
            default:
                break
            }
            var name = paxPath ?? longName ?? Self.string(header[0..<100])
            if paxPath == nil, longName == nil, header[257..<262].elementsEqual("ustar".utf8) {
                let prefix = Self.string(header[345..<500])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            while name.hasPrefix("./") { name.removeFirst(2) }
            if type == 0 || type == UInt8(ascii: "0") || type == UInt8(ascii: "7") {
                entries[name] = Entry(offset: dataOffset, size: size)
            }
            position = dataOffset + Self.rounded(type == UInt8(ascii: "5") ? 0 : size)
            paxPath = nil
            paxSize = nil
            longName = nil
        }
    }

    private static func rounded(_ size: Int64) -> UInt64 { UInt64((size + 511) / 512 * 512) }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal field, or GNU base-256 when its top bit is set.
    private static func number(_ bytes: ArraySlice<UInt8>) throws -> Int64 {
        if let first = bytes.first, first & 0x80 != 0 {
            return bytes.dropFirst().reduce(Int64(first & 0x7F)) { $0 << 8 | Int64($1) }
        }
        let text = string(bytes).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
        guard let value = Int64(text.isEmpty ? "0" : text, radix: 8) else { throw TarIndexError() }
        return value
    }

    private static func checksumMatches(_ header: [UInt8]) -> Bool {
        guard let stored = try? number(header[148..<156]) else { return false }
        let sum = header.enumerated().reduce(Int64(0)) { total, item in total + Int64((148..<156).contains(item.offset) ? 32 : item.element) }
        return sum == stored
    }

    /// `LEN key=value\n` records.
    private static func paxRecords(_ data: [UInt8]) -> [(String, String)] {
        var records: [(String, String)] = []
        var rest = data[...]
        while let space = rest.firstIndex(of: UInt8(ascii: " ")),
              let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)), length > 0,
              rest.count >= length {
            let record = rest[rest.index(after: space)..<(rest.startIndex + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                records.append((String(decoding: record[record.startIndex..<equals], as: UTF8.self),
                                String(decoding: record[record.index(after: equals)...], as: UTF8.self)))
            }
            rest = rest[(rest.startIndex + length)...]
        }
        return records
    }
}

/// The file is not a plain tar this index can read.
struct TarIndexError: Error {}
