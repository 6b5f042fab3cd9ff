/// The file lists of installed metadata, split as `importlib.metadata` splits them: `RECORD`
/// rows through Python's `csv` reader (only the first field, the path, is kept), and
/// `SOURCES.txt` / `installed-files.txt` lines quoted first and read the same way.
enum RecordText {
    /// The path of each non-empty row of a CSV text, in order.
    /// - Parameter text: `RECORD`'s text.
    /// - Returns: First fields.
    static func paths(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            result.append(firstField(line))
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
    static func firstField<S: StringProtocol>(_ line: S) -> String {
        var field = ""
        var index = line.startIndex
        guard index < line.endIndex else { return field }
        if line[index] == "\"" {
            index = line.index(after: index)
            while index < line.endIndex {
                let character = line[index]
                index = line.index(after: index)
                if character == "\"" {
                    if index < line.endIndex, line[index] == "\"" {
                        field.append("\"")
                        index = line.index(after: index)
                        continue
                    }
                    break
                }
                field.append(character)
            }
        }
        while index < line.endIndex, line[index] != "," {
            field.append(line[index])
            index = line.index(after: index)
        }
        return field
    }
}
