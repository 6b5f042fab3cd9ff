/// Python's text operations that nbformat's converters rely on.
enum PythonText {
    /// `str.splitlines()`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`,
    /// U+2028 and U+2029, dropping the separators; no empty last line for a final break.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case 0x0D:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                if pending == "\n" {
                    pending = scalars.next()
                }
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty {
            lines.append(String(current))
        }
        return lines
    }
}
