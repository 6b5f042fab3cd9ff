import Diagnostics

/// An interpreter's environment read from disk: what ``PythonEnvironment``'s probe script
/// answers, computed in Swift from the metadata of ``InstalledDistributions`` (no Python
/// process). The answers are the script's, rule for rule; the differential tests compare the two.
public struct InstalledEnvironment: DistributionEnvironment {
    /// The interpreter.
    public var layout: PythonLayout
    /// Its search path.
    public var searchPath: PythonSearchPath
    /// The distributions on it.
    public var distributions: InstalledDistributions

    /// Reads an interpreter's environment.
    /// - Parameters:
    ///   - layout: The recognised interpreter.
    ///   - environment: The process environment.
    ///   - workingDirectory: The directory Python would run in.
    /// - Throws: ``UnrecognisedLayout`` when something on the way needs Python to tell.
    public init(layout: PythonLayout, environment: [String: String], workingDirectory: String) throws(UnrecognisedLayout) {
        self.layout = layout
        searchPath = try PythonSearchPath(layout: layout, environment: environment, workingDirectory: workingDirectory)
        distributions = try InstalledDistributions(searchPath: searchPath)
    }

    public func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        let named = distributions.all.map { (name: $0.normalizedName, distribution: $0) }
        var installed: [String: String?] = [:]
        for (name, distribution) in named where installed[name] == nil {
            installed[name] = .some(distribution.version)   // the first on sys.path wins, as for imports
        }
        var versions: [String: String] = [:]
        for name in query.distributions {
            let key = DistributionName.normalize(name)
            if let found = installed[key], let version = found {
                versions[key] = version
            }
        }
        var wanted: Set<String> = []
        for module in query.modules {
            let parts = module.split(separator: ".", omittingEmptySubsequences: false)
            for count in 1...max(parts.count, 1) {
                wanted.insert(parts.prefix(count).joined(separator: "."))
            }
        }
        let tops = Set(wanted.map { String($0.split(separator: ".", omittingEmptySubsequences: false).first ?? "") })
        var owners: [String: Set<String>] = [:]
        if !tops.isEmpty {
            for (name, distribution) in named {
                for module in Self.modules(of: distribution, among: tops, dialect: MetadataDialect(layout.version)) where wanted.contains(module) {
                    owners[module, default: []].insert(name)
                }
            }
        }
        var providers: [String: [String]] = [:]
        for module in query.modules {
            let parts = module.split(separator: ".", omittingEmptySubsequences: false)
            for count in stride(from: parts.count, through: 1, by: -1) {
                let prefix = parts.prefix(count).joined(separator: ".")
                guard let found = owners[prefix] else { continue }
                providers[module] = found.sorted()
                for name in found where versions[name] == nil {
                    if let version = installed[name] ?? nil {
                        versions[name] = version   // the resolver needs the provider's version too
                    }
                }
                break
            }
        }
        return EnvironmentSnapshot(pythonVersion: layout.version, versions: versions, providers: providers)
    }

    /// The modules and regular packages a distribution's file list defines whose top-level
    /// name is one of `tops` (the probe script's rules: every folder on the way must be an
    /// identifier, `__pycache__` is skipped, `__init__` makes a package; without a file list,
    /// `top_level.txt`'s names).
    static func modules(of distribution: InstalledDistribution, among tops: Set<String>, dialect: MetadataDialect) -> [String] {
        let entries: [[String]]
        if let record = distribution.readText("RECORD") {
            // A RECORD that mentions no wanted top-level name cannot provide one.
            guard RecordText.mentions(record, anyOf: tops) else { return [] }
            entries = RecordText.paths(record).map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        } else {
            entries = (distribution.files(dialect) ?? []).map { PackagePath($0).parts }
        }
        guard !entries.isEmpty else {
            let declared = distribution.readText("top_level.txt") ?? ""
            return declared.split(whereSeparator: \.isPythonWhitespace).map(String.init)
        }
        var found: [String] = []
        for parts in entries {
            guard let first = parts.first, tops.contains(String(first.split(separator: ".", omittingEmptySubsequences: false).first ?? "")),
                  let last = parts.last else { continue }
            guard [".py", ".pyc", ".so", ".pyd"].contains(where: { last.hasSuffix($0) }), !parts.contains("__pycache__") else { continue }
            let stem = String(last.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
            let folders = parts.dropLast()
            guard folders.allSatisfy(\.isPythonIdentifier) else { continue }
            if stem == "__init__" {
                found.append(folders.joined(separator: "."))
            } else if stem.isPythonIdentifier {
                found.append((folders + [stem]).joined(separator: "."))
            }
        }
        return found
    }
}

extension String {
    /// `str.isidentifier()`, for the names that occur in file lists: a letter or `_`, then
    /// letters, digits and `_`.
    var isPythonIdentifier: Bool {
        guard let first, first == "_" || first.isLetter else { return false }
        return allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
