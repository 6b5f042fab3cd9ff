import Diagnostics
import TOMLKit

extension TemplateManifest {
    /// Parses a `template.toml`.
    /// - Parameters:
    ///   - text: The manifest's text.
    ///   - path: The manifest file, as named in diagnostics.
    /// - Returns: The manifest.
    /// - Throws: `template.invalid-manifest`, located at the offending line.
    public static func parse(toml text: String, path: String) throws(DiagnosticError) -> TemplateManifest {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DiagnosticError(.error(
                "template.invalid-manifest", "invalid TOML: \(error.description.lowercased())",
                at: SourceLocation(path: path, line: error.source.begin.line, column: error.source.begin.column)))
        } catch {
            throw DiagnosticError(.error("template.invalid-manifest", "invalid TOML", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let lines = ManifestLines(text)
        func fail(_ message: String, line: Int?) -> DiagnosticError {
            DiagnosticError(.error("template.invalid-manifest", message, at: SourceLocation(path: path, line: line ?? 1, column: 1)))
        }
        guard let name = root["name"]?.string, !name.isEmpty else {
            throw fail("the manifest needs a 'name' (a string)", line: lines.topLevel["name"])
        }
        let description = root["description"]?.string ?? ""
        var variables: [TemplateVariable] = []
        if let table = root["variables"] {
            guard let table = table.table else { throw fail("'variables' must be a table", line: lines.topLevel["variables"]) }
            let declared = lines.headers.map(\.name).filter { table[$0] != nil }
            let order = declared + table.keys.filter { !declared.contains($0) }.sorted()
            for variableName in order {
                let line = lines.headers.first { $0.name == variableName }?.line ?? 1
                let keyLines = lines.keys[variableName] ?? [:]
                guard TemplateVariable.isValidName(variableName) else {
                    throw fail("'\(variableName)' is not a valid variable name (letters, digits and '_', not starting with a digit)", line: line)
                }
                guard let spec = table[variableName]?.table else {
                    throw fail("variable '\(variableName)' must be a table", line: line)
                }
                var variable = TemplateVariable(name: variableName, line: line, keyLines: keyLines)
                for key in spec.keys {
                    let keyLine = keyLines[key] ?? line
                    switch key {
                    case "default", "help", "pattern":
                        guard let value = spec[key]?.string else {
                            throw fail("'\(key)' of variable '\(variableName)' must be a string", line: keyLine)
                        }
                        if key == "default" { variable.defaultValue = value }
                        if key == "help" { variable.help = value }
                        if key == "pattern" {
                            do {
                                _ = try Regex(value)
                            } catch {
                                throw fail("'pattern' of variable '\(variableName)' is not a valid regular expression", line: keyLine)
                            }
                            variable.pattern = value
                        }
                    case "choices":
                        guard let array = spec[key]?.array, !array.isEmpty else {
                            throw fail("'choices' of variable '\(variableName)' must be a non-empty list of strings", line: keyLine)
                        }
                        var choices: [String] = []
                        for element in array {
                            guard let choice = element.string else {
                                throw fail("'choices' of variable '\(variableName)' must be a non-empty list of strings", line: keyLine)
                            }
                            choices.append(choice)
                        }
                        variable.choices = choices
                    default:
                        throw fail("unknown key '\(key)' in variable '\(variableName)' (expected default, help, pattern or choices)", line: keyLine)
                    }
                }
                variables.append(variable)
            }
        }
        var kind = TemplateManifest.Kind.project
        if let value = root["kind"] {
            guard let text = value.string, let parsed = TemplateManifest.Kind(rawValue: text) else {
                throw fail("'kind' must be \"project\" or \"convert\"", line: lines.topLevel["kind"])
            }
            kind = parsed
        }
        return TemplateManifest(name: name, description: description, variables: variables, path: path, kind: kind)
    }
}

extension TemplateVariable {
    /// Whether `name` can name a variable: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
