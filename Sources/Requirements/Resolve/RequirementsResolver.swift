import Diagnostics

/// Turns a notebook's imports and install lines into exact pins, never guessing.
///
/// Order of decisions for each import: relative or next to the notebook → local; in the
/// standard library of the target version → left out; in the curated ``ImportMap`` → that
/// distribution; named by a stated requirement (`--require`, `!pip install`) with the same
/// normalised name → that; provided by an installed distribution's files → that (with a
/// note); otherwise an error. Versions: `--require` first, then `==` pins from the notebook,
/// then the installed version, which must satisfy any range the notebook states.
///
/// ```swift
/// let resolver = try RequirementsResolver.bundled(environment: PythonEnvironment(interpreter: "python3"))
/// let result = resolver.resolve(RequirementsInput(
///     imports: [ImportedModule("pandas"), ImportedModule("sklearn.model_selection")],
///     installSpecs: [StatedRequirement("pandas==2.1.4")],
///     pythonVersion: PythonVersion(3, 11), notebookDirectory: "notebooks"))
/// if !result.hasErrors { write(result.requirementsTxt) }
/// ```
public struct RequirementsResolver: Sendable {
    /// The curated import table.
    public var importMap: ImportMap
    /// The standard library lists.
    public var standardLibrary: StandardLibrary
    /// Where installed versions come from (asked once per ``resolve(_:)``).
    public var environment: any DistributionEnvironment
    /// How local modules are found.
    public var localModules: any LocalModuleLookup

    /// Creates a resolver.
    /// - Parameters:
    ///   - importMap: The import table.
    ///   - standardLibrary: The standard library lists.
    ///   - environment: The installed distributions.
    ///   - localModules: The local module lookup.
    public init(importMap: ImportMap, standardLibrary: StandardLibrary, environment: any DistributionEnvironment, localModules: any LocalModuleLookup = FileSystemModuleLookup()) {
        self.importMap = importMap
        self.standardLibrary = standardLibrary
        self.environment = environment
        self.localModules = localModules
    }

    /// A resolver with the bundled table and standard library lists.
    /// - Parameters:
    ///   - environment: The installed distributions.
    ///   - localModules: The local module lookup.
    /// - Throws: ``DiagnosticError`` when the bundled data cannot be read.
    public static func bundled(environment: any DistributionEnvironment, localModules: any LocalModuleLookup = FileSystemModuleLookup()) throws(DiagnosticError) -> RequirementsResolver {
        RequirementsResolver(importMap: try .bundled(), standardLibrary: try .bundled(), environment: environment, localModules: localModules)
    }

    /// Resolves the requirements of one notebook.
    /// - Parameter input: The notebook's imports, install specs, overrides and target.
    /// - Returns: The pins, local modules and diagnostics; check ``ResolvedRequirements/hasErrors``.
    public func resolve(_ input: RequirementsInput) -> ResolvedRequirements {
        var run = ResolutionRun(resolver: self, input: input)
        return run.resolve()
    }
}
