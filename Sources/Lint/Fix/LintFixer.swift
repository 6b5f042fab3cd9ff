import Diagnostics

/// Computes the edits `nbship lint --fix` makes: floating Python requirements (requirements
/// files and what they include, `pyproject.toml`, Pipfile, conda `environment.yml`, notebook
/// and notebook-export install lines) pinned to a known version, and literal image references
/// pinned to a known digest (`name:tag@sha256:…`). Only the text of the requirement or
/// reference changes (comments, markers, extras, quotes, indentation and line endings stay);
/// an entry whose text is not where and what the facts say is left alone. Pure: the caller
/// reads and writes files.
public struct LintFixer: Sendable {
    /// The version to pin a distribution to (by PEP 503-normalised name), if known.
    public var versions: [String: String]
    /// The digest to pin an image to, by canonical reference (`docker.io/library/python:3.12`).
    public var digests: [String: String]
    /// Whether a version satisfies a PEP 440 specifier set (`>=2,<3`); a requirement whose
    /// range the known version falls outside is left alone rather than re-meant.
    public var admits: @Sendable (_ specifiers: String, _ version: String) -> Bool

    /// Creates a fixer.
    /// - Parameters:
    ///   - versions: Versions by normalised distribution name.
    ///   - digests: Digests by canonical image reference.
    ///   - admits: The PEP 440 check (by default every version is admitted).
    public init(
        versions: [String: String] = [:], digests: [String: String] = [:],
        admits: @escaping @Sendable (_ specifiers: String, _ version: String) -> Bool = { _, _ in true }
    ) {
        self.versions = versions
        self.digests = digests
        self.admits = admits
    }

    /// The edits for one file's facts.
    /// - Parameters:
    ///   - facts: The facts of the file (installs may point into files it includes).
    ///   - text: The text of `facts.path`.
    ///   - fileSystem: Where to read the other files facts point into.
    /// - Returns: The edits by path, and what each changes.
    public func edits(for facts: FileFacts, text: String, fileSystem: any LintFileSystem) -> ([TextEdit], [AppliedFix]) {
        var texts: [String: [UInt8]] = [facts.path: Array(text.utf8)]
        func bytes(of path: String) -> [UInt8]? {
            if let known = texts[path] { return known }
            guard let read = fileSystem.contents(of: path) else { return nil }
            texts[path] = Array(read.utf8)
            return texts[path]
        }
        var edits: [TextEdit] = []
        var fixes: [AppliedFix] = []
        var notebookMaps: [String: NotebookSourceMap] = [:]
        for install in facts.installs where install.pin < .exact {
            guard let rule = Self.rule(for: install), install.ecosystem == .pip || install.context == .condaEnvironment,
                  let version = versions[PythonRequirement.normalise(install.name)],
                  admits(Self.specifiers(of: install), version),
                  let fileBytes = bytes(of: install.location.path) else { continue }
            if install.spec.contains(" = \"") || install.context.isKeyed {
                guard let (range, before, after) = Self.keyedEdit(install, version: version, bytes: fileBytes) else { continue }
                edits.append(TextEdit(path: install.location.path, range: range, replacement: after))
                fixes.append(AppliedFix(ruleID: rule, location: install.location, before: before, after: after))
                continue
            }
            let pinned = install.ecosystem == .conda
                ? RequirementPinning.pinnedConda(install.spec, version: version)
                : RequirementPinning.pinned(install.spec, version: version)
            guard let pinned, pinned != install.spec else { continue }
            if let cell = install.location.cell {
                if notebookMaps[install.location.path] == nil { notebookMaps[install.location.path] = NotebookSourceMap(fileBytes) }
                guard let map = notebookMaps[install.location.path], cell < map.cells.count,
                      let start = TextEdit.offset(line: install.location.line, column: install.location.column, in: map.cells[cell].decoded),
                      let decoded = Self.specRange(install.spec, at: start, in: map.cells[cell].decoded),
                      let raw = map.rawRange(cell: cell, decoded: decoded) else { continue }
                edits.append(TextEdit(path: install.location.path, range: raw, replacement: Self.jsonEscaped(pinned)))
            } else {
                guard let start = TextEdit.offset(line: install.location.line, column: install.location.column, in: fileBytes),
                      let range = Self.specRange(install.spec, at: start, in: fileBytes) else { continue }
                edits.append(TextEdit(path: install.location.path, range: range, replacement: pinned))
            }
            fixes.append(AppliedFix(ruleID: rule, location: install.location, before: install.spec, after: pinned))
        }
        for use in facts.images {
            guard let fix = imageEdit(use, bytes: bytes(of: use.location.path)) else { continue }
            edits.append(fix.0)
            fixes.append(fix.1)
        }
        return (edits, fixes)
    }

    /// The PEP 440 specifiers an install states (Poetry's `^`/`~` turned into ranges), empty
    /// when it states none or they cannot be told.
    static func specifiers(of install: PackageInstall) -> String {
        if install.context.isKeyed || install.spec.contains(" = \"") {
            guard let quote = install.spec.range(of: " = \"") else { return "" }
            let value = install.spec[quote.upperBound...].prefix { $0 != "\"" }.filter { $0 != " " }
            return install.context.isPipfile ? (value == "*" ? "" : value) : poetryRange(value)
        }
        if install.ecosystem == .conda {
            // Conda's `=3.12` is any 3.12.x (PEP 440 `==3.12.*`); a range is written as in pip.
            var rest = Substring(install.spec)
            if let channel = rest.range(of: "::") { rest = rest[channel.upperBound...] }
            rest = rest.drop { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." }.filter { $0 != " " }[...]
            if rest.hasPrefix("="), !rest.hasPrefix("==") {
                return "==" + (rest.dropFirst().split(separator: "=").first.map(String.init) ?? "") + ".*"
            }
            return String(rest)
        }
        var rest = Substring(install.spec.trimmingSpaces.dropFirst(PythonRequirement.baseName(install.spec.trimmingSpaces).count))
        if let close = rest.firstIndex(of: "]"), rest.drop(while: { $0 == " " }).first == "[" { rest = rest[rest.index(after: close)...] }
        if let semicolon = rest.firstIndex(of: ";") { rest = rest[..<semicolon] }
        return rest.filter { $0 != " " && $0 != "(" && $0 != ")" }
    }

    /// Poetry's constraint as PEP 440: `^2.31` → `>=2.31,<3`, `~2.31` → `>=2.31,<2.32`, `*` → any.
    static func poetryRange(_ value: String) -> String {
        if value.isEmpty || value == "*" { return "" }
        let caret = value.hasPrefix("^")
        let tilde = value.hasPrefix("~") && !value.hasPrefix("~=")
        guard caret || tilde else { return value.first?.isNumber == true ? "==" + value : value }
        let base = String(value.dropFirst())
        let parts = base.split(separator: ".").compactMap { Int($0) }
        guard !parts.isEmpty else { return "" }
        var upper: [Int]
        if caret {
            let first = parts.firstIndex { $0 != 0 } ?? (parts.count - 1)
            upper = Array(parts[...first])
            upper[first] += 1
        } else {
            upper = parts.count > 1 ? [parts[0], parts[1] + 1] : [parts[0] + 1]
        }
        return ">=" + base + ",<" + upper.map(String.init).joined(separator: ".")
    }

    /// The rule whose finding an install's fix answers.
    static func rule(for install: PackageInstall) -> String? {
        switch install.context {
        case .requirements: "requirements.unpinned"
        case .pyproject: "pyproject.unpinned"
        case .pipfile: "pipfile.unpinned"
        case .condaEnvironment: "environment.unpinned"
        case .notebook: "notebook.unpinned-install"
        case .dockerfile: nil
        }
    }

    /// The range of `spec` at `start`, or of what is inside quotes around it there.
    static func specRange(_ spec: String, at start: Int, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(spec.utf8)
        func matches(_ offset: Int) -> Bool {
            offset + needle.count <= bytes.count && bytes[offset..<(offset + needle.count)].elementsEqual(needle)
        }
        if matches(start) { return start..<(start + needle.count) }
        if start < bytes.count, bytes[start] == UInt8(ascii: "'") || bytes[start] == UInt8(ascii: "\""), matches(start + 1),
           start + 1 + needle.count < bytes.count, bytes[start + 1 + needle.count] == bytes[start] {
            return (start + 1)..<(start + 1 + needle.count)
        }
        return nil
    }

    /// A Poetry or Pipfile `name = "…"` / `name = { version = "…", … }` line: the version
    /// string's contents become the exact version (Poetry `2.31.0`, Pipfile `==2.31.0`).
    static func keyedEdit(_ install: PackageInstall, version: String, bytes: [UInt8]) -> (Range<Int>, String, String)? {
        guard let start = TextEdit.offset(line: install.location.line, column: install.location.column, in: bytes) else { return nil }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = Array(bytes[start..<end])
        guard let equals = line.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        var index = equals + 1
        while index < line.count, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < line.count else { return nil }
        if line[index] == UInt8(ascii: "{") {
            guard let key = find(Array("version".utf8), in: line, from: index) else { return nil }
            index = key + "version".utf8.count
            while index < line.count, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "=") { index += 1 }
        }
        guard index < line.count, line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "'") else { return nil }
        let quote = line[index]
        guard let close = line[(index + 1)...].firstIndex(of: quote) else { return nil }
        let before = String(decoding: line[(index + 1)..<close], as: UTF8.self)
        let after = install.context.isPipfile ? "==" + version : version
        guard before != after else { return nil }
        return ((start + index + 1)..<(start + close), before, after)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// `written@digest` for a literal reference with a known digest and no digest yet.
    func imageEdit(_ use: ImageUse, bytes: [UInt8]?) -> (TextEdit, AppliedFix)? {
        guard let bytes, use.origin != .helm, use.origin != .kustomize, let (reference, assumption) = use.reference,
              assumption == nil, reference.digest == nil, use.written == reference.original,
              let digest = digests[reference.canonical],
              let start = TextEdit.offset(line: use.location.line, column: use.location.column, in: bytes),
              let range = Self.specRange(use.written, at: start, in: bytes) else { return nil }
        let after = use.written + "@" + digest
        let rule = reference.isTagImplicit ? "image.untagged"
            : reference.tag?.lowercased() == "latest" ? "image.latest-tag" : "image.missing-digest"
        return (TextEdit(path: use.location.path, range: range, replacement: after),
                AppliedFix(ruleID: rule, location: use.location, before: use.written, after: after))
    }

    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result
    }
}
