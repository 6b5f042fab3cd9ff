/// A variable a template asks for, as declared in `template.toml` under `[variables.NAME]`.
public struct TemplateVariable: Sendable, Hashable, Codable {
    /// The name used in templates (`{{package}}`).
    public var name: String
    /// The default, itself a template over the variables declared before it
    /// (`default = "{{project}}"`); `nil` when the value is required.
    public var defaultValue: String?
    /// One line of help, shown when nbship asks for the value.
    public var help: String?
    /// A regular expression the whole value must match.
    public var pattern: String?
    /// The allowed values, when only some are.
    public var choices: [String]?
    /// The 1-based line of the `[variables.NAME]` header in the manifest.
    public var line: Int
    /// The 1-based line of each key of the variable (`default`, `pattern`, …) in the manifest.
    public var keyLines: [String: Int]

    /// Creates a variable.
    public init(
        name: String, defaultValue: String? = nil, help: String? = nil, pattern: String? = nil,
        choices: [String]? = nil, line: Int = 1, keyLines: [String: Int] = [:]
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.pattern = pattern
        self.choices = choices
        self.line = line
        self.keyLines = keyLines
    }

    /// Whether a value must be given (there is no default).
    public var isRequired: Bool { defaultValue == nil }
}
