import Diagnostics

/// One package a file asks a package manager to install.
public struct PackageInstall: Sendable, Hashable {
    /// The package manager.
    public enum Ecosystem: String, Sendable, Hashable, Codable {
        case pip, pipx, conda, apt, apk, npm
    }

    /// The kind of file the install is written in.
    public enum Context: Sendable, Hashable {
        /// A `RUN` instruction of a Dockerfile.
        case dockerfile
        /// A requirements or constraints file.
        case requirements
        /// `pyproject.toml`; the payload names the table, e.g. `project.dependencies`.
        case pyproject(String)
        /// A notebook cell (`!pip`, `%pip`, `%conda`, `%%bash`).
        case notebook
        /// A conda `environment.yml` (`dependencies:` and its `pip:` list).
        case condaEnvironment
        /// A `Pipfile`; the payload names the section, e.g. `packages`.
        case pipfile(String)
    }

    /// The package manager.
    public var ecosystem: Ecosystem
    /// The kind of file.
    public var context: Context
    /// The argument as written (after shell unquoting), e.g. `pandas>=2`.
    public var spec: String
    /// The package name, when it has one.
    public var name: String
    /// How firmly the version is fixed.
    public var pin: PinLevel
    /// Where the argument starts.
    public var location: SourceLocation

    /// Creates a package install.
    /// - Parameters:
    ///   - ecosystem: The package manager.
    ///   - context: The kind of file.
    ///   - spec: The argument as written.
    ///   - name: The package name.
    ///   - pin: How firmly the version is fixed.
    ///   - location: Where the argument starts.
    public init(
        ecosystem: Ecosystem, context: Context, spec: String, name: String, pin: PinLevel,
        location: SourceLocation
    ) {
        self.ecosystem = ecosystem
        self.context = context
        self.spec = spec
        self.name = name
        self.pin = pin
        self.location = location
    }
}
