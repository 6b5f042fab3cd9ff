/// The `endpats` of Python's `tokenize`: how a string that started on an earlier line (or
/// earlier in this line) ends.
enum StringEnd {
    /// `Single`/`Double`: `[^'\\]*(?:\\.[^'\\]*)*'`.
    case single(Unicode.Scalar)
    /// `Single3`/`Double3`: `[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''`.
    case triple(Unicode.Scalar)

    /// `endprog.match(line, from)`: the end offset of the match, or nil.
    func match(_ line: Scalars, from start: Int) -> Int? {
        var index = start
        switch self {
        case .single(let quote):
            while index < line.count {
                let scalar = line[index]
                if scalar == quote { return index + 1 }
                if scalar == "\\" {
                    guard index + 1 < line.count, line[index + 1] != "\n" else { return nil }
                    index += 2
                    continue
                }
                index += 1
            }
            return nil
        case .triple(let quote):
            while index < line.count {
                let scalar = line[index]
                if scalar == "\\" {
                    guard index + 1 < line.count, line[index + 1] != "\n" else { return nil }
                    index += 2
                    continue
                }
                if scalar == quote, index + 2 < line.count, line[index + 1] == quote, line[index + 2] == quote {
                    return index + 3
                }
                index += 1
            }
            return nil
        }
    }
}
