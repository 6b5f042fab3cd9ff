/// The file lists of installed metadata, split as `importlib.metadata` splits them: `RECORD`
/// rows through Python's `csv` reader (only the first field, the path, is kept), and
/// `SOURCES.txt` / `installed-files.txt` lines quoted first and read the same way.
enum RecordText {
    /// The path of each non-empty row of a CSV text, in order.
    /// - Parameter text: `RECORD`'s text.
    /// - Returns: First fields.
    static func paths(_ text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start {
                    result.append(firstField(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                }
                start = end + 1
            }
        }
        return result
    }

    /// The lines of a plain list, each read as the quoted CSV field `"line"`.
    /// - Parameter text: `SOURCES.txt`'s text.
    /// - Returns: The paths.
    static func quotedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { firstField("\"" + $0 + "\"") }
    }

    /// The first field of one CSV line (Python's default dialect, non-strict: after a closing
    /// quote, text up to the comma is kept; `""` inside quotes is one quote).
    static func firstField(_ line: String) -> String {
        var line = line
        return line.withUTF8 { firstField($0) }
    }

    /// ``firstField(_:)`` on the line's UTF-8 bytes.
    private static func firstField(_ line: UnsafeBufferPointer<UInt8>) -> String {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var index = 0
        guard index < line.count else { return "" }
        if line[index] != quote {
            while index < line.count, line[index] != comma { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: line[0..<index]), as: UTF8.self)
        }
        var field: [UInt8] = []
        index += 1
        while index < line.count {
            let byte = line[index]
            index += 1
            if byte == quote {
                if index < line.count, line[index] == quote {
                    field.append(quote)
                    index += 1
                    continue
                }
                break
            }
            field.append(byte)
        }
        while index < line.count, line[index] != comma {
            field.append(line[index])
            index += 1
        }
        return String(decoding: field, as: UTF8.self)
    }
}
