/// The statement that `%time`, `%timeit`, `%prun` and `%debug` run, after their options.
///
/// Options are read the way `getopt` does for these magics' option strings (`n:r:tcp:qo` for
/// `%timeit`, `D:l:rs:T:q` for `%prun`): leading words starting with `-`, where an option
/// letter that takes a value consumes the rest of its word or the next word. The oracle in
/// `Tests/Oracle/ipython_lower.py` applies the same rule.
enum TimingMagicOptions {
    /// Option letters that take a value, per magic; nil for magics that run no statement.
    static func valueOptions(for magic: String) -> Set<Character>? {
        switch magic {
        case "time": []
        case "timeit": ["n", "r", "p"]
        case "prun": ["D", "l", "s", "T"]
        case "debug": []
        default: nil
        }
    }

    /// The statement run by a timing magic, or nil when the magic runs none that can be kept
    /// (not a timing magic, or `%debug` with options such as a breakpoint).
    /// - Parameters:
    ///   - magic: The magic's name.
    ///   - arguments: Everything after the name.
    /// - Returns: The statement text (possibly empty).
    static func statement(magic: String, arguments: String) -> String? {
        guard let takesValue = valueOptions(for: magic) else { return nil }
        if magic == "time" { return arguments }
        if magic == "debug" {
            return arguments.drop(while: { $0 == " " || $0 == "\t" }).first == "-" ? nil : arguments
        }
        let scalars = Array(arguments.unicodeScalars)
        var index = 0
        func skipSpace() {
            while index < scalars.count, SourceText.isSpace(scalars[index]) { index += 1 }
        }
        func word() -> String {
            let start = index
            while index < scalars.count, !SourceText.isSpace(scalars[index]) { index += 1 }
            return SourceText.string(Array(scalars[start..<index]))
        }
        while true {
            skipSpace()
            let mark = index
            let option = word()
            guard option.hasPrefix("-"), option != "-" else {
                index = mark
                break
            }
            if option == "--" {
                skipSpace()
                break
            }
            var letters = Substring(option.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                if takesValue.contains(letter) {
                    if letters.isEmpty {
                        skipSpace()
                        _ = word()
                    }
                    break
                }
            }
        }
        return SourceText.string(Array(scalars[index...]))
    }
}
