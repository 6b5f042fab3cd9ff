import Diagnostics

/// Renders a ``Template`` with values for its variables into in-memory files.
///
/// Every value is resolved first (given, else the default rendered over the variables
/// before it), then validated (`choices`, `pattern`); each path component and each file is
/// rendered with Mustache, HTML escaping off. A path component that renders empty drops the
/// file. The output is sorted by path, so the same template and values give the same files.
public struct TemplateRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The variables that have neither a given value nor a default, in manifest order.
    /// - Parameters:
    ///   - template: The template.
    ///   - values: The values given so far.
    /// - Returns: The variables still needed.
    public func missingVariables(of template: Template, given values: [String: String]) -> [TemplateVariable] {
        template.manifest.variables.filter { values[$0.name] == nil && $0.isRequired }
    }

    /// Resolves and validates every variable's value.
    /// - Parameters:
    ///   - template: The template.
    ///   - values: The values given (`--set`), by variable name.
    /// - Returns: Every variable's value, by name.
    /// - Throws: `template.unknown-variable`, `template.missing-variable` (naming every
    ///   missing variable, located at the first one's manifest line) or
    ///   `template.invalid-value` (located at its `pattern` or `choices` line).
    public func resolve(_ template: Template, values: [String: String]) throws(DiagnosticError) -> [String: String] {
        let manifest = template.manifest
        let declared = Set(manifest.variables.map(\.name))
        if let unknown = values.keys.sorted().first(where: { !declared.contains($0) }) {
            throw DiagnosticError(.error(
                "template.unknown-variable", "template '\(manifest.name)' has no variable '\(unknown)'",
                at: SourceLocation(path: manifest.path, line: 1, column: 1),
                notes: [declared.isEmpty ? "it takes no variables" : "its variables: " + manifest.variables.map(\.name).joined(separator: ", ")]))
        }
        let missing = missingVariables(of: template, given: values)
        if let first = missing.first {
            let names = missing.map { "'\($0.name)'" }.joined(separator: ", ")
            var notes = missing.map { variable in
                "\(variable.name) (\(manifest.path):\(variable.line)): \(variable.help ?? "no help given")"
            }
            notes.append("pass " + missing.map { "--set \($0.name)=VALUE" }.joined(separator: " ") + ", or run on a terminal to be asked")
            throw DiagnosticError(.error(
                "template.missing-variable",
                missing.count == 1 ? "missing value for variable \(names)" : "missing values for variables \(names)",
                at: SourceLocation(path: manifest.path, line: first.line, column: 1), notes: notes))
        }
        var resolved: [String: String] = [:]
        for variable in manifest.variables {
            let value: String
            if let given = values[variable.name] {
                value = given
            } else if let template = variable.defaultValue {
                let line = variable.keyLines["default"] ?? variable.line
                let text = try MustacheText(template, path: "\(manifest.path):\(line)")
                for reference in text.referencedNames where resolved[reference.name] == nil {
                    throw DiagnosticError(.error(
                        "template.undeclared-variable",
                        "the default of '\(variable.name)' refers to '\(reference.name)', which is not a variable declared before it",
                        at: SourceLocation(path: manifest.path, line: line, column: 1)))
                }
                value = text.render(resolved)
            } else {
                continue
            }
            try validate(value, for: variable, manifest: manifest, given: values[variable.name] != nil)
            resolved[variable.name] = value
        }
        return resolved
    }

    /// Renders the template.
    /// - Parameters:
    ///   - template: The template.
    ///   - values: The values given (`--set`), by variable name.
    /// - Returns: The files, sorted by path.
    /// - Throws: The errors of ``resolve(_:values:)``, and `template.syntax`,
    ///   `template.undeclared-variable`, `template.invalid-path` or `template.duplicate-path`,
    ///   located in the template file.
    public func render(_ template: Template, values: [String: String]) throws(DiagnosticError) -> [GeneratedFile] {
        let resolved = try resolve(template, values: values)
        return try renderFiles(template, context: resolved, known: Set(resolved.keys), topLevelOnly: false)
    }

    /// Renders the template's files with a view model built by the caller (what `convert`
    /// does: functions, imports and requirements as arrays and dictionaries), skipping the
    /// manifest's variables.
    /// - Parameters:
    ///   - template: The template.
    ///   - viewModel: The fully resolved view model; every name a file or path uses outside
    ///     sections must be a key of it (names inside sections resolve against the section's item).
    /// - Returns: The files, sorted by path.
    /// - Throws: `template.syntax`, `template.undeclared-variable` (a name the view model
    ///   lacks), `template.invalid-path` or `template.duplicate-path`, located in the file.
    public func render(_ template: Template, viewModel: [String: Any]) throws(DiagnosticError) -> [GeneratedFile] {
        try renderFiles(template, context: viewModel, known: Set(viewModel.keys), topLevelOnly: true)
    }

    private func renderFiles(_ template: Template, context: [String: Any], known: Set<String>, topLevelOnly: Bool) throws(DiagnosticError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var seen: [String: String] = [:]
        for source in template.sources {
            let displayPath = Template.displayPath(template.directory, source.path)
            let pathTemplate = try MustacheText(source.path, path: displayPath)
            try checkDeclared(pathTemplate, known: known, topLevelOnly: topLevelOnly, path: displayPath, what: "file name")
            let components = pathTemplate.render(context).split(separator: "/", omittingEmptySubsequences: false)
            if components.contains(where: \.isEmpty) { continue }
            if components.contains(where: { $0 == ".." || $0 == "." }) {
                throw DiagnosticError(.error(
                    "template.invalid-path", "file name renders to '\(components.joined(separator: "/"))', which leaves the project",
                    at: SourceLocation(path: displayPath, line: 1, column: 1)))
            }
            let path = components.joined(separator: "/")
            if let other = seen[path] {
                throw DiagnosticError(.error(
                    "template.duplicate-path", "'\(source.path)' and '\(other)' both render to '\(path)'",
                    at: SourceLocation(path: displayPath, line: 1, column: 1)))
            }
            seen[path] = source.path
            let body = try MustacheText(source.text, path: displayPath)
            try checkDeclared(body, known: known, topLevelOnly: topLevelOnly, path: displayPath, what: "template")
            files.append(GeneratedFile(path: path, contents: body.render(context), executable: source.executable))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func checkDeclared(_ text: MustacheText, known: Set<String>, topLevelOnly: Bool, path: String, what: String) throws(DiagnosticError) {
        for reference in text.referencedNames
        where !known.contains(reference.name) && reference.name != "." && (!topLevelOnly || reference.depth == 0) {
            throw DiagnosticError(.error(
                "template.undeclared-variable",
                topLevelOnly ? "the \(what) uses '\(reference.name)', which nbship convert does not provide"
                    : "the \(what) uses '\(reference.name)', which template.toml does not declare",
                at: SourceLocation(path: path, line: reference.line, column: reference.column),
                notes: topLevelOnly ? ["templates/README.md lists the names a convert template can use"]
                    : ["declare it under [variables.\(reference.name)], or write a literal '{{' with a set-delimiter tag"]))
        }
    }

    private func validate(_ value: String, for variable: TemplateVariable, manifest: TemplateManifest, given: Bool) throws(DiagnosticError) {
        guard let problem = variable.problem(with: value) else { return }
        let key = variable.choices.map { $0.contains(value) } == false ? "choices" : "pattern"
        throw DiagnosticError(.error(
            "template.invalid-value",
            "invalid value '\(value)' for variable '\(variable.name)' (\(given ? "given" : "default")): \(problem)",
            at: SourceLocation(path: manifest.path, line: variable.keyLines[key] ?? variable.line, column: 1),
            notes: variable.help.map { [$0] } ?? []))
    }
}
