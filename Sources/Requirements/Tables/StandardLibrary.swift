import Diagnostics

/// The standard library's top-level module names per Python version (3.8–3.13), from
/// `Resources/stdlib-modules.tsv`.
public struct StandardLibrary: Sendable {
    /// When a module is part of the standard library.
    public struct Span: Sendable, Hashable, Codable {
        /// The first version that has it (`nil`: 3.8 or earlier).
        public var added: PythonVersion?
        /// The first version without it (`nil`: still present).
        public var removed: PythonVersion?
        /// Where the difference is documented.
        public var note: String

        /// Whether the module is in the standard library of `version`.
        /// - Parameter version: A Python version.
        /// - Returns: `true` when present.
        public func contains(_ version: PythonVersion) -> Bool {
            if let added, version < added { return false }
            if let removed, version >= removed { return false }
            return true
        }
    }

    /// Every module ever in the list, with its span.
    public let modules: [String: Span]

    /// Creates a list.
    /// - Parameter modules: Module names and their spans.
    public init(modules: [String: Span]) {
        self.modules = modules
    }

    /// Whether the top-level part of `module` is a standard-library module in `version`.
    /// - Parameters:
    ///   - module: A module name; only the part before the first dot counts.
    ///   - version: The target Python version.
    /// - Returns: `true` for `os.path` or `tomllib` on 3.11; `false` for `tomllib` on 3.10.
    public func contains(_ module: String, in version: PythonVersion) -> Bool {
        modules[Self.topLevel(module)]?.contains(version) == true
    }

    /// The module names of one version, sorted (what `sys.stdlib_module_names` gives).
    /// - Parameter version: The Python version.
    /// - Returns: The names.
    public func names(in version: PythonVersion) -> [String] {
        modules.filter { $0.value.contains(version) }.map(\.key).sorted()
    }

    /// The span of a module that was in the standard library once but not in `version`.
    /// - Parameters:
    ///   - module: A module name; only its top-level part counts.
    ///   - version: The target Python version.
    /// - Returns: The span when the module was removed before `version` (or is newer than it).
    public func absence(of module: String, in version: PythonVersion) -> Span? {
        guard let span = modules[Self.topLevel(module)], !span.contains(version) else { return nil }
        return span
    }

    static func topLevel(_ module: String) -> String {
        String(module.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
