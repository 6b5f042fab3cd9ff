/// A template's `template.toml`: its name, description and variables.
///
/// ```toml
/// name = "ml-project"
/// description = "A machine-learning project: data, model, train, inference, serve"
///
/// [variables.package]
/// help = "Python package name"
/// pattern = "^[a-z_][a-z0-9_]*$"
/// default = "{{project}}"
/// ```
public struct TemplateManifest: Sendable, Hashable, Codable {
    /// What renders a template.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `nbship new`, from the manifest's variables (the default).
        case project
        /// `nbship convert`, from a converted notebook's view model (`kind = "convert"`).
        case convert
    }

    /// The template's name (what `nbship new NAME` takes).
    public var name: String
    /// One line saying what it makes.
    public var description: String
    /// The variables, in the order the manifest declares them.
    public var variables: [TemplateVariable]
    /// The manifest file, as named in diagnostics.
    public var path: String
    /// Which command renders it.
    public var kind: Kind

    /// Creates a manifest.
    public init(name: String, description: String, variables: [TemplateVariable], path: String, kind: Kind = .project) {
        self.kind = kind
        self.name = name
        self.description = description
        self.variables = variables
        self.path = path
    }

    /// The variable named `name`, if declared.
    /// - Parameter name: A variable name.
    /// - Returns: The variable, or `nil`.
    public func variable(named name: String) -> TemplateVariable? {
        variables.first { $0.name == name }
    }
}
