import Diagnostics

/// Reads a `devcontainer.json` (JSON with comments): its top-level `"image"`. A dev container
/// built from a Dockerfile or a compose file is linted through that file.
public enum DevcontainerFacts {
    /// Extracts the facts of a dev container file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let bytes = Array(text.utf8)
        var index = 0
        var depth = 0
        var stringStart: Int?
        var lastString: (Int, Int)?
        var awaitingValueOf: String?
        let lineIndex = LineIndex(text)
        while index < bytes.count {
            let byte = bytes[index]
            if let start = stringStart {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") {
                    stringStart = nil
                    let value = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    if let key = awaitingValueOf {
                        awaitingValueOf = nil
                        if key == "image", depth == 1 {
                            let (line, column) = lineIndex.lineAndColumn(of: start)
                            facts.images.append(ImageUse(
                                origin: .devcontainer, written: value,
                                resolution: ImageResolver.resolve(ExpandedText([.literal(value)]), variableKind: "variable"),
                                location: SourceLocation(path: path, line: line, column: column)))
                        }
                    } else {
                        lastString = (start, index)
                    }
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): stringStart = index
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index += 1
            case UInt8(ascii: ":"):
                if let (start, end) = lastString { awaitingValueOf = String(decoding: bytes[(start + 1)..<end], as: UTF8.self) }
                lastString = nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                awaitingValueOf = nil
                lastString = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                lastString = nil
            case UInt8(ascii: ","):
                awaitingValueOf = nil
                lastString = nil
            default:
                if byte > 0x20 { awaitingValueOf = nil }
            }
            index += 1
        }
        return facts
    }
}
