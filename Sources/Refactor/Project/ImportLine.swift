import Foundation
import PythonSyntax

/// Import statements written back from ``ImportFact``s, one name per line.
public enum ImportLine {
    /// `import a.b as c`, `from m import x as y`, `from m import *`.
    /// - Parameter fact: An import.
    /// - Returns: The statement.
    public static func text(_ fact: ImportFact) -> String {
        let alias = fact.alias.map { " as \($0)" } ?? ""
        guard let name = fact.name else { return "import \(fact.module)\(alias)" }
        return "from \(fact.module) import \(name)\(alias)"
    }

    /// The name an import binds (`import a.b` binds `a`), `nil` for a star import.
    /// - Parameter fact: An import.
    /// - Returns: The bound name.
    public static func boundName(_ fact: ImportFact) -> String? {
        if let alias = fact.alias { return alias }
        if let name = fact.name { return name == "*" ? nil : name }
        return fact.module.split(separator: ".").first.map(String.init)
    }

    /// Sorted, with the package's own `from .m import a` lines merged per module
    /// (`from .data import load_data, load_data_2`), as isort writes them.
    static func merged(_ lines: some Sequence<String>) -> [String] {
        var names: [String: Set<String>] = [:]
        var others: [String] = []
        for line in lines {
            let parts = line.components(separatedBy: " import ")
            if line.hasPrefix("from ."), parts.count == 2, !parts[1].contains(" as ") {
                names[parts[0], default: []].formUnion(parts[1].components(separatedBy: ", "))
            } else {
                others.append(line)
            }
        }
        return sorted(others + names.map { "\($0.key) import " + $0.value.sorted().joined(separator: ", ") })
    }

    /// Sorted the way isort groups them: `import …` lines, then `from … import …` lines.
    static func sorted(_ lines: some Sequence<String>) -> [String] {
        Set(lines).sorted { lhs, rhs in
            let left = (lhs.hasPrefix("from ") ? 1 : 0, lhs)
            let right = (rhs.hasPrefix("from ") ? 1 : 0, rhs)
            return left < right
        }
    }

    /// `from m import a, b, c` as isort writes it when it would not fit in 88 columns at
    /// `indent`: one name a line in parentheses, with a trailing comma.
    /// - Parameters:
    ///   - line: One import statement.
    ///   - indent: The columns before it.
    /// - Returns: Its lines, without the indent.
    public static func wrapped(_ line: String, indent: Int) -> [String] {
        guard indent + line.count > 88, line.hasPrefix("from "), let range = line.range(of: " import "),
              !line.contains("(") else { return [line] }
        let names = line[range.upperBound...].components(separatedBy: ", ")
        return [String(line[..<range.upperBound]) + "("] + names.map { "    " + $0 + "," } + [")"]
    }
}
