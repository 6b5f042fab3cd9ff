import PythonSyntax

/// Evaluates the file-path expressions a notebook builds from constants, relative to the
/// notebook's folder (the kernel's working directory): string literals, f-strings of known
/// values, `os.path.join`, `os.path.dirname`/`abspath`/`realpath`, `pathlib.Path(…)`,
/// `Path() / "x"`, `.parent`, `.parents[k]`, `.absolute()`/`.resolve()`, `Path.cwd()`,
/// `os.getcwd()`, `str(…)`, `os.fspath(…)`, `+` of strings, and names bound to any of these.
///
/// A value is a path relative to the notebook folder, `..` kept where it climbs out
/// (`Path().absolute().parents[1] / "regression"` is `../../regression`), or absolute.
/// Anything else (a call it does not know, a name it has no value for) gives `nil`: the
/// evaluator never guesses.
struct PathExpression {
    /// Names whose current value is a known path or string, in notebook order.
    var bindings: [String: String] = [:]
    /// The names among ``bindings`` assigned a plain string literal (whose literal the data-path
    /// rewrite replaces in place).
    var literalNames: Set<String> = []
    /// Where each name of ``bindings`` that is not a literal got its value: the piece, the
    /// value expression, and whether that value is a `pathlib` path rather than a string.
    var sites: [String: (piece: Int, value: PyExpression, isPath: Bool)] = [:]

    /// The value of an expression, when it is built from constants only.
    /// - Parameter expression: The expression.
    /// - Returns: The path or string, or `nil`.
    func value(of expression: PyExpression) -> String? {
        switch expression.kind {
        case .constant(.string(let text)):
            return PythonStringLiteral.value(of: text)
        case .name(let name, _):
            return bindings[name]
        case .joinedString(let parts):
            var out = ""
            for part in parts {
                switch part.kind {
                case .constant(.string(let text)):
                    // An f-string's literal pieces are the raw text between its fields; a plain
                    // string concatenated to it keeps its quotes.
                    out += PythonStringLiteral.value(of: text) ?? text
                case .formattedValue(let value, nil, nil):
                    guard let piece = self.value(of: value) else { return nil }
                    out += piece
                default:
                    return nil
                }
            }
            return out
        case .binary(let left, "/", let right):
            guard let base = value(of: left), let child = value(of: right) else { return nil }
            return Self.join([base, child])
        case .binary(let left, "+", let right):
            guard let head = value(of: left), let tail = value(of: right) else { return nil }
            return head + tail
        case .attribute(let base, "parent", _):
            return value(of: base).map(Self.parent)
        case .subscript(let base, let index, _):
            guard case .attribute(let owner, "parents", _) = base.kind, case .constant(.number(let digits)) = index.kind,
                  let count = Int(digits), count >= 0, let start = value(of: owner) else { return nil }
            var path = Self.parent(start)
            for _ in 0..<count { path = Self.parent(path) }
            return path
        case .call(let function, let arguments, let keywords):
            return call(function, arguments, keywords)
        default:
            return nil
        }
    }

    private func call(_ function: PyExpression, _ arguments: [PyExpression], _ keywords: [Keyword]) -> String? {
        guard keywords.isEmpty else { return nil }
        let values = arguments.map(value(of:))
        guard !values.contains(where: { $0 == nil }) else { return nil }
        let known = values.compactMap { $0 }
        // Methods of a path value: `.absolute()`, `.resolve()`, `.expanduser()`, `.joinpath(…)`.
        if case .attribute(let receiver, let method, _) = function.kind, let base = value(of: receiver) {
            switch method {
            case "absolute", "resolve", "expanduser": return known.isEmpty ? base : nil
            case "joinpath": return Self.join([base] + known)
            default: return nil
            }
        }
        guard let callee = SyntaxWalk.dottedName(function) else { return nil }
        let last = callee.split(separator: ".").last.map(String.init) ?? callee
        switch (callee, last) {
        case (_, "join") where callee.hasSuffix("path.join"):
            return known.isEmpty ? nil : Self.join(known)
        case (_, "Path"), (_, "PurePath"), (_, "PosixPath"):
            return known.isEmpty ? "." : Self.join(known)
        case (_, "cwd") where callee.hasSuffix("Path.cwd"), ("os.getcwd", _), ("getcwd", _):
            return known.isEmpty ? "." : nil
        case (_, "dirname") where callee.hasSuffix("path.dirname"):
            return known.count == 1 ? Self.parent(known[0]) : nil
        case (_, "abspath"), (_, "realpath"), (_, "normpath"), (_, "expanduser"):
            return known.count == 1 && callee.contains("path.") ? known[0] : nil
        case ("str", _), ("os.fspath", _), ("fspath", _):
            return known.count == 1 ? known[0] : nil
        default:
            return nil
        }
    }

    /// Records what a statement binds: a name assigned a known value keeps it, any other
    /// binding of a name forgets it.
    /// - Parameters:
    ///   - statement: A top-level statement, in notebook order.
    ///   - defines: The names it binds (its facts).
    mutating func record(_ statement: Statement, defines: [String], piece: Int) {
        var known: [String: String] = [:]
        var literal: Set<String> = []
        var site: (String, (piece: Int, value: PyExpression, isPath: Bool))?
        if let (name, value) = Self.singleAssignment(statement), let path = self.value(of: value) {
            known[name] = path
            if case .constant(.string) = value.kind {
                literal.insert(name)
            } else {
                site = (name, (piece, value, isPath(value)))
            }
        }
        for name in defines {
            bindings[name] = nil
            literalNames.remove(name)
            sites[name] = nil
        }
        bindings.merge(known) { _, new in new }
        literalNames.formUnion(literal)
        if let site { sites[site.0] = site.1 }
    }

    /// Whether an expression this evaluator knows gives a `pathlib` path (`Path(…)`, `p / "x"`,
    /// `.parent`, `.resolve()`) rather than a string (literals, f-strings, `os.path`, `str(…)`).
    func isPath(_ expression: PyExpression) -> Bool {
        switch expression.kind {
        case .constant, .joinedString: return false
        case .name(let name, _): return sites[name]?.isPath ?? false
        case .binary(_, "/", _), .attribute, .subscript: return true
        case .binary(let left, _, _): return isPath(left)
        case .call(let function, _, _):
            if case .attribute(let receiver, let method, _) = function.kind, ["absolute", "resolve", "expanduser", "joinpath"].contains(method) {
                return isPath(receiver) || SyntaxWalk.dottedName(receiver).map { $0.hasSuffix("Path") } == true
            }
            let callee = SyntaxWalk.dottedName(function) ?? ""
            return callee.hasSuffix("Path") || callee.hasSuffix("Path.cwd")
        default: return false
        }
    }

    /// `name = value` or `name: T = value`.
    private static func singleAssignment(_ statement: Statement) -> (String, PyExpression)? {
        switch statement.kind {
        case .assign(let targets, let value):
            guard targets.count == 1, case .name(let name, _) = targets[0].kind else { return nil }
            return (name, value)
        case .annotatedAssign(let target, _, let value?, _):
            guard case .name(let name, _) = target.kind else { return nil }
            return (name, value)
        default:
            return nil
        }
    }

    /// `a / b`: `b` when it is absolute, else the two joined and normalised.
    static func join(_ parts: [String]) -> String {
        var path = ""
        for part in parts {
            if part.hasPrefix("/") || path.isEmpty {
                path = part
            } else {
                path = (path.hasSuffix("/") ? path : path + "/") + part
            }
        }
        let normal = PlanBuilder.normalise(path)
        return normal.isEmpty ? "." : normal
    }

    /// The folder a path is in: `a/b` → `a`, `.` → `..`, `..` → `../..`.
    static func parent(_ path: String) -> String {
        let normal = PlanBuilder.normalise(path)
        if normal.isEmpty || normal == "." { return ".." }
        let parts = normal.split(separator: "/", omittingEmptySubsequences: true)
        if parts.allSatisfy({ $0 == ".." }) { return normal + "/.." }
        if parts.count == 1 { return normal.hasPrefix("/") ? "/" : "." }
        return (normal.hasPrefix("/") ? "/" : "") + parts.dropLast().joined(separator: "/")
    }
}
