/// The answers a project was generated with, recorded as `.nbship-answers.toml` so it can
/// be re-rendered later (like copier's `.copier-answers.yml`).
public enum TemplateAnswers {
    /// The file name, at the project root.
    public static let fileName = ".nbship-answers.toml"

    /// The answers file for a rendered template.
    /// - Parameters:
    ///   - template: The template rendered.
    ///   - values: Every variable's resolved value.
    ///   - generator: The tool and version, e.g. `nbship 0.4.0`.
    /// - Returns: The file: `_template`, `_generator`, then `[answers]` in manifest order.
    public static func file(for template: Template, values: [String: String], generator: String) -> GeneratedFile {
        var text = "# Answers nbship used to render this project; `nbship new` can re-render it from them.\n"
        text += "_template = \(quote(template.name))\n"
        text += "_generator = \(quote(generator))\n\n[answers]\n"
        for variable in template.manifest.variables {
            guard let value = values[variable.name] else { continue }
            text += "\(variable.name) = \(quote(value))\n"
        }
        return GeneratedFile(path: fileName, contents: text)
    }

    /// A TOML basic string.
    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
