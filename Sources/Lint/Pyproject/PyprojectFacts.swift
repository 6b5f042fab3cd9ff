import Diagnostics
import TOMLKit

/// Reads `pyproject.toml`: `[project].dependencies`, `[project.optional-dependencies]`,
/// `[dependency-groups]` (PEP 735; `{include-group = …}` entries are skipped), PDM's
/// `[tool.pdm.dev-dependencies]`, Hatch's `[tool.hatch.envs.*]` `dependencies` and
/// `extra-dependencies`, `[tool.uv].dev-dependencies`, and Poetry's
/// `[tool.poetry.dependencies]`, `dev-dependencies` and `group.*.dependencies` tables. TOMLKit does not
/// report value positions, so each entry is located by finding its quoted text in the file,
/// in order.
public enum PyprojectFacts {
    /// Extracts the facts of a `pyproject.toml`.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts, or a parse problem.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        if let (line, column) = TOMLPrecheck.unsafeHeader(in: text) {
            facts.problems.append(.error(
                "lint.parse-error", "invalid TOML: a table name must start with a letter, digit, '_', '-' or a quote",
                at: SourceLocation(path: path, line: line, column: column)))
            return facts
        }
        guard let table = TOMLDocument.parse(text, into: &facts) else { return facts }
        var groups: [(String, [String])] = []
        let project = table["project"]?.table
        if let dependencies = project?["dependencies"]?.array {
            groups.append(("project.dependencies", strings(dependencies)))
        }
        if let optional = project?["optional-dependencies"]?.table {
            for key in optional.keys.sorted() {
                if let array = optional[key]?.array { groups.append(("project.optional-dependencies.\(key)", strings(array))) }
            }
        }
        if let dependencyGroups = table["dependency-groups"]?.table {
            for key in dependencyGroups.keys.sorted() {
                if let array = dependencyGroups[key]?.array { groups.append(("dependency-groups.\(key)", strings(array))) }
            }
        }
        let tool = table["tool"]?.table
        if let pdm = tool?["pdm"]?.table?["dev-dependencies"]?.table {
            for key in pdm.keys.sorted() {
                if let array = pdm[key]?.array { groups.append(("tool.pdm.dev-dependencies.\(key)", strings(array))) }
            }
        }
        if let envs = tool?["hatch"]?.table?["envs"]?.table {
            for env in envs.keys.sorted() {
                for key in ["dependencies", "extra-dependencies"] {
                    if let array = envs[env]?.table?[key]?.array { groups.append(("tool.hatch.envs.\(env).\(key)", strings(array))) }
                }
            }
        }
        if let uv = tool?["uv"]?.table?["dev-dependencies"]?.array {
            groups.append(("tool.uv.dev-dependencies", strings(uv)))
        }
        if let poetry = tool?["poetry"]?.table {
            var tables: [(String, TOMLTable)] = []
            for key in ["dependencies", "dev-dependencies"] {
                if let dependencies = poetry[key]?.table { tables.append(("tool.poetry.\(key)", dependencies)) }
            }
            if let poetryGroups = poetry["group"]?.table {
                for group in poetryGroups.keys.sorted() {
                    if let dependencies = poetryGroups[group]?.table?["dependencies"]?.table {
                        tables.append(("tool.poetry.group.\(group).dependencies", dependencies))
                    }
                }
            }
            facts.installs += keyedDependencies(tables, path: path, text: text, context: PackageInstall.Context.pyproject)
        }
        var locator = StringLocator(text: text)
        for (label, entries) in groups {
            for entry in entries {
                let (name, pin) = PythonRequirement.classify(entry)
                let (line, column) = locator.locate(entry)
                facts.installs.append(PackageInstall(
                    ecosystem: .pip, context: .pyproject(label), spec: entry, name: name, pin: pin,
                    location: SourceLocation(path: path, line: line, column: column)))
            }
        }
        facts.installs.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }

    /// `name = value` dependencies (Poetry, Pipfile), located by their key; Poetry's `python`
    /// entry is the interpreter, not a package.
    static func keyedDependencies(
        _ tables: [(String, TOMLTable)], path: String, text: String, context: (String) -> PackageInstall.Context
    ) -> [PackageInstall] {
        let keys = TOMLKeyLocator(text: text)
        var installs: [PackageInstall] = []
        for (label, dependencies) in tables {
            for name in dependencies.keys.sorted() where name.lowercased() != "python" {
                guard let value = dependencies[name] else { continue }
                let position = keys.position(table: label, key: name)
                let spec = value.string.map { "\(name) = \"\($0)\"" } ?? name
                installs.append(PackageInstall(
                    ecosystem: .pip, context: context(label), spec: spec, name: name, pin: DependencyTableEntry.pin(of: value),
                    location: SourceLocation(path: path, line: position?.line ?? 1, column: position?.column ?? 1)))
            }
        }
        return installs
    }

    static func strings(_ array: TOMLArray) -> [String] {
        array.compactMap { $0.string }
    }

    /// Finds quoted strings in the text, each occurrence used once.
    struct StringLocator {
        let text: String
        let lineIndex: LineIndex
        var used: [String: Int] = [:]

        init(text: String) {
            self.text = text
            self.lineIndex = LineIndex(text)
        }

        mutating func locate(_ value: String) -> (Int, Int) {
            let bytes = Array(text.utf8)
            var candidates: [Int] = []
            for quote in ["\"", "'"] {
                let needle = Array((quote + value + quote).utf8)
                var index = 0
                while index + needle.count <= bytes.count {
                    if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle {
                        candidates.append(index + 1)
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
            }
            candidates.sort()
            let occurrence = used[value, default: 0]
            used[value] = occurrence + 1
            guard !candidates.isEmpty else { return (1, 1) }
            let (line, column) = lineIndex.lineAndColumn(of: candidates[min(occurrence, candidates.count - 1)])
            return (line, column)
        }
    }
}
