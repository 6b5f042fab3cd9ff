import Refactor

/// Lays out import statements the way `ruff check`'s isort rules (I001) expect, so generated
/// modules pass ruff's defaults: sections (`__future__`, standard library, third party, the
/// package itself, relative) separated by a blank line; in each, `import x` statements before
/// `from x import y`, modules in case-insensitive order; names imported from one module
/// merged into one statement (constants, then classes, then the rest), aliased names on their
/// own; statements longer than 88 characters wrapped in parentheses, one name per line.
struct ImportBlock: Sendable {
    /// The generated package's name and the local modules copied beside it in `src/`
    /// (their imports are first-party).
    var firstParty: Set<String>
    /// Whether a top-level module is in the standard library of the target Python.
    var isStandardLibrary: @Sendable (String) -> Bool

    private struct Parsed {
        var module: String
        var name: String?
        var alias: String?
    }

    /// Formats import lines (one imported name per line, as the planner writes them).
    /// - Parameters:
    ///   - lines: `import a as b`, `from m import x`, `from .config import A, B`.
    ///   - indent: The columns the statements are indented by where they are written (inside a
    ///     function body: 4); the 88-column limit counts them, and a wrapped statement's later
    ///     lines carry them (the first line's indent is the caller's to write).
    /// - Returns: The statements, with `""` between sections; a wrapped statement is one
    ///   element holding newlines.
    func format(_ lines: [String], indent: Int = 0) -> [String] {
        var sections: [[Parsed]] = Array(repeating: [], count: 5)
        var seen: Set<String> = []
        for line in lines where seen.insert(line).inserted {
            for parsed in Self.parse(line) {
                sections[section(of: parsed.module)].append(parsed)
            }
        }
        var output: [String] = []
        for section in sections where !section.isEmpty {
            if !output.isEmpty { output.append("") }
            output += render(section, indent: indent)
        }
        return output
    }

    private func section(of module: String) -> Int {
        if module.hasPrefix(".") { return 4 }
        let root = String(module.split(separator: ".").first ?? "")
        if root == "__future__" { return 0 }
        if firstParty.contains(root) { return 3 }
        return isStandardLibrary(root) ? 1 : 2
    }

    private func render(_ imports: [Parsed], indent: Int) -> [String] {
        var lines: [String] = []
        let straight = Set(imports.filter { $0.name == nil }.map { "import \($0.module)" + ($0.alias.map { " as \($0)" } ?? "") })
        lines += straight.sorted { Self.key($0) < Self.key($1) }
        var byModule: [String: (names: Set<String>, aliased: Set<String>, star: Bool)] = [:]
        for item in imports {
            guard let name = item.name else { continue }
            var entry = byModule[item.module] ?? ([], [], false)
            if name == "*" {
                entry.star = true
            } else if let alias = item.alias, alias != name {
                entry.aliased.insert("\(name) as \(alias)")
            } else {
                entry.names.insert(name)
            }
            byModule[item.module] = entry
        }
        for module in byModule.keys.sorted(by: { Self.moduleKey($0) < Self.moduleKey($1) }) {
            guard let entry = byModule[module] else { continue }
            if entry.star { lines.append("from \(module) import *") }
            if !entry.names.isEmpty {
                lines.append(Self.statement(module, entry.names.sorted { Self.memberKey($0) < Self.memberKey($1) }, indent: indent))
            }
            for aliased in entry.aliased.sorted(by: { Self.memberKey($0) < Self.memberKey($1) }) {
                lines.append("from \(module) import \(aliased)")
            }
        }
        return lines
    }

    private static func statement(_ module: String, _ names: [String], indent: Int) -> String {
        let margin = String(repeating: " ", count: indent)
        let lines = ImportLine.wrapped("from \(module) import " + names.joined(separator: ", "), indent: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : margin + $0.element }.joined(separator: "\n")
    }

    /// Relative modules sort furthest first (`..a` before `.b`), then by name.
    private static func moduleKey(_ module: String) -> (Int, String) {
        let dots = module.prefix { $0 == "." }.count
        return (-dots, module.lowercased())
    }

    private static func key(_ line: String) -> String { line.lowercased() }

    /// isort's order-by-type: CONSTANTS, then Classes, then everything else.
    private static func memberKey(_ name: String) -> (Int, String) {
        let base = String(name.split(separator: " ").first ?? "")
        let letters = base.filter(\.isLetter)
        let kind: Int
        if base.count > 1, !letters.isEmpty, base == base.uppercased() {
            kind = 0
        } else if base.first?.isUppercase == true {
            kind = 1
        } else {
            kind = 2
        }
        return (kind, base.lowercased())
    }

    /// `from m import a, b as c` → one entry per name; `import a as b` → one entry.
    private static func parse(_ line: String) -> [Parsed] {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.first == "import", words.count >= 2 {
            return [Parsed(module: words[1], name: nil, alias: words.count >= 4 && words[2] == "as" ? words[3] : nil)]
        }
        guard words.first == "from", words.count >= 4, words[2] == "import" else { return [] }
        let names = line.split(separator: " import ", maxSplits: 1).last.map(String.init) ?? ""
        return names.split(separator: ",").map { part in
            let pieces = part.split(separator: " ").map(String.init)
            return Parsed(module: words[1], name: pieces.first ?? "", alias: pieces.count >= 3 && pieces[1] == "as" ? pieces[2] : nil)
        }
    }
}
