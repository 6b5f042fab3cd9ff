/// Light-weight statement handling over generated function bodies (already valid Python):
/// enough to follow simple assignments, never to rewrite code.
enum PythonStatements {
    /// A body's top-level statements, one per element, with continuation lines joined and
    /// the indentation removed (only statements at the body's own indentation).
    static func split(_ body: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var depth = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if depth == 0 {
                if !current.isEmpty { statements.append(current) }
                current = line.hasPrefix("    ") && !line.hasPrefix("     ") ? text : ""
            } else if !current.isEmpty {
                current += " " + text
            }
            depth = max(0, depth + bracketBalance(text))
        }
        if !current.isEmpty { statements.append(current) }
        return statements.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// `a, b = x, y` → (`a, b`, `x, y`); `nil` for anything but a plain assignment.
    static func assignmentSplit(_ statement: String) -> (targets: String, value: String)? {
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for index in statement.indices {
            let character = statement[index]
            if let open = quote {
                if character == open, previous != "\\" { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == "=", depth == 0 {
                let next = statement.index(after: index)
                let following: Character = next < statement.endIndex ? statement[next] : " "
                if "=<>!+-*/%&|^:@".contains(previous) || following == "=" { return nil }
                let targets = statement[..<index].trimmingCharacters(in: .whitespaces)
                let value = statement[next...].trimmingCharacters(in: .whitespaces)
                return targets.isEmpty || value.isEmpty ? nil : (targets, value)
            }
            previous = character
        }
        return nil
    }

    /// Splits at commas outside brackets and strings, trimming each part.
    static func topLevelSplit(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for character in text {
            if let open = quote {
                if character == open, previous != "\\" { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if "([{".contains(character) {
                depth += 1
                current.append(character)
            } else if ")]}".contains(character) {
                depth -= 1
                current.append(character)
            } else if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { parts.append(last) }
        return parts
    }

    private static func bracketBalance(_ text: String) -> Int {
        var balance = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else if "([{".contains(character) {
                balance += 1
            } else if ")]}".contains(character) {
                balance -= 1
            }
        }
        return balance
    }
}
