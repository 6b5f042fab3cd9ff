import Diagnostics

/// The mutable state of one ``RequirementsResolver/resolve(_:)`` call.
struct ResolutionRun {
    /// A distribution some import or statement needs.
    struct Need {
        var name: String
        var imports: [String] = []
        var equivalents: [String] = []
        var location: SourceLocation?
    }

    /// A parsed stated requirement with where it came from.
    struct Stated {
        var requirement: Requirement
        var origin: StatedRequirement
    }

    let resolver: RequirementsResolver
    let input: RequirementsInput
    var diagnostics: [Diagnostic] = []
    var resolved: [(ImportedModule, ImportResolution)] = []
    var needs: [String: Need] = [:]
    var overrides: [Stated] = []
    var notebookSpecs: [Stated] = []
    var snapshot: EnvironmentSnapshot?
    /// Imports already reported (not installable, not in the standard library).
    var reported: Set<String> = []

    init(resolver: RequirementsResolver, input: RequirementsInput) {
        self.resolver = resolver
        self.input = input
    }

    mutating func resolve() -> ResolvedRequirements {
        overrides = parse(input.overrides, isOverride: true)
        notebookSpecs = parse(input.installSpecs, isOverride: false)
        var deferred: [Int] = []
        for module in uniqueImports() {
            let resolution = classify(module)
            if resolution == .unresolved, !reported.contains(module.name) {
                deferred.append(resolved.count)
            }
            resolved.append((module, resolution))
        }
        inspectEnvironment(deferredModules: deferred.map { resolved[$0].0.name })
        for index in deferred {
            resolved[index].1 = resolveFromEnvironment(resolved[index].0)
        }
        for stated in overrides + notebookSpecs where needs[stated.requirement.normalizedName] == nil {
            needs[stated.requirement.normalizedName] = Need(name: stated.requirement.name, location: stated.origin.location)
        }
        let pins = needs.keys.sorted().compactMap { pin(needs[$0]) }
        let locals = resolved.compactMap { entry -> LocalModule? in
            if case .local(let module) = entry.1 { return module }
            return nil
        }.sorted { $0.importName < $1.importName }
        return ResolvedRequirements(
            pythonVersion: input.pythonVersion,
            requirements: pins,
            imports: resolved.map { ResolvedImport(module: $0.0, resolution: $0.1) },
            localModules: locals,
            diagnostics: diagnostics
        )
    }

    // MARK: imports

    private func uniqueImports() -> [ImportedModule] {
        var seen: Set<String> = []
        return input.imports.filter { !$0.name.isEmpty && seen.insert($0.name).inserted }
    }

    /// Classifies an import without the environment; `.unresolved` means "ask the environment"
    /// unless a diagnostic was already raised for it (recorded in `reported`).
    private mutating func classify(_ module: ImportedModule) -> ImportResolution {
        let top = module.topLevel
        if module.isRelative {
            let first = module.name.drop(while: { $0 == "." }).split(separator: ".").first.map(String.init)
            let path = first.flatMap { name in input.notebookDirectory.flatMap { resolver.localModules.localPath(of: name, in: $0) } }
            return .local(LocalModule(importName: module.name, path: path))
        }
        if let path = input.explicitLocals[top] {
            return .local(LocalModule(importName: module.name, path: path))
        }
        if let directory = input.notebookDirectory {
            if let path = resolver.localModules.localPath(of: top, in: directory) {
                return .local(LocalModule(importName: module.name, path: path))
            }
            // Folders the notebook put on `sys.path`; the path stays relative to its folder.
            for extra in input.moduleSearchPaths {
                let folder = extra.hasPrefix("/") ? extra : (directory == "." ? extra : directory + "/" + extra)
                if let path = resolver.localModules.localPath(of: top, in: folder) {
                    let relative = extra.hasPrefix("/") ? extra + "/" + path : (extra == "." ? path : extra + "/" + path)
                    return .local(LocalModule(importName: module.name, path: relative))
                }
            }
        }
        if resolver.standardLibrary.contains(top, in: input.pythonVersion) {
            return .standardLibrary
        }
        if let entry = resolver.importMap.entry(for: module.name) {
            guard let distribution = entry.distribution else {
                report(.error(
                    "requirements.not-installable",
                    "'\(module.name)' cannot be installed from a package index",
                    at: module.location, notes: entry.note.isEmpty ? [] : [entry.note]
                ), for: module)
                return .unresolved
            }
            // A stated drop-in (`!pip install opencv-python==…` for cv2) replaces the table's choice.
            let equivalents = Set(entry.equivalents.map(DistributionName.normalize))
            if let stated = (overrides + notebookSpecs).first(where: { equivalents.contains($0.requirement.normalizedName) }) {
                addNeed(stated.requirement.name, import: module, equivalents: [])
                return .distribution(name: stated.requirement.normalizedName, via: .stated)
            }
            addNeed(distribution, import: module, equivalents: entry.equivalents)
            return .distribution(name: DistributionName.normalize(distribution), via: .table)
        }
        if let span = resolver.standardLibrary.absence(of: top, in: input.pythonVersion) {
            let when = span.removed.map { "it was removed in python \($0)" } ?? span.added.map { "it is new in python \($0)" } ?? ""
            report(.error(
                "requirements.not-in-stdlib",
                "'\(top)' is not in the standard library of python \(input.pythonVersion): \(when)",
                at: module.location, notes: span.note.isEmpty ? [] : [span.note]
            ), for: module)
            return .unresolved
        }
        let normalizedTop = DistributionName.normalize(top)
        if let stated = (overrides + notebookSpecs).first(where: { $0.requirement.normalizedName == normalizedTop }) {
            addNeed(stated.requirement.name, import: module, equivalents: [])
            return .distribution(name: normalizedTop, via: .stated)
        }
        return .unresolved
    }

    private mutating func report(_ diagnostic: Diagnostic, for module: ImportedModule) {
        diagnostics.append(diagnostic)
        reported.insert(module.name)
    }

    private mutating func addNeed(_ distribution: String, import module: ImportedModule, equivalents: [String]) {
        let key = DistributionName.normalize(distribution)
        var need = needs[key] ?? Need(name: distribution, location: module.location)
        if !need.imports.contains(module.name) {
            need.imports.append(module.name)
        }
        for equivalent in equivalents where !need.equivalents.contains(equivalent) {
            need.equivalents.append(equivalent)
        }
        needs[key] = need
    }

    // MARK: environment

    private mutating func inspectEnvironment(deferredModules: [String]) {
        var distributions = Array(needs.keys)
        for need in needs.values {
            distributions += need.equivalents
        }
        distributions += (overrides + notebookSpecs).map(\.requirement.name)
        // Providers are asked for the modules the table does not answer; a table module's
        // providers only matter for the note of a not-installed error, asked for then
        // (finding providers reads every candidate distribution's file list: the slow part).
        let query = EnvironmentQuery(distributions: distributions, modules: deferredModules)
        guard !query.distributions.isEmpty || !query.modules.isEmpty else { return }
        do {
            snapshot = try resolver.environment.inspect(query)
        } catch {
            diagnostics.append(error.diagnostic)
            return
        }
        if let found = snapshot?.pythonVersion, found != input.pythonVersion {
            diagnostics.append(.warning(
                "requirements.python-mismatch",
                "versions come from a python \(found) environment but the project targets python \(input.pythonVersion)",
                notes: ["pass --python with an interpreter of the target version for versions that are sure to exist for it"]
            ))
        }
    }

    private mutating func resolveFromEnvironment(_ module: ImportedModule) -> ImportResolution {
        guard !reported.contains(module.name) else { return .unresolved }
        let providers = snapshot?.providers[module.name] ?? []
        if providers.count == 1, let provider = providers.first {
            diagnostics.append(.note(
                "requirements.not-in-table",
                "'\(module.name)' is not in nbship's import table; the installed distribution '\(provider)' provides it",
                at: module.location,
                notes: ["check that '\(provider)' comes from the public index before publishing the image"]
            ))
            addNeed(provider, import: module, equivalents: [])
            return .distribution(name: provider, via: .environment)
        }
        if providers.count > 1 {
            diagnostics.append(.error(
                "requirements.ambiguous-import",
                "'\(module.name)' is provided by several installed distributions: \(providers.joined(separator: ", "))",
                at: module.location,
                notes: ["choose one with --require NAME==VERSION"]
            ))
            return .unresolved
        }
        diagnostics.append(.error(
            "requirements.unknown-import",
            "cannot tell which distribution provides '\(module.name)': it is not in nbship's import table and not installed",
            at: module.location,
            notes: [
                "install it in the --python environment, or pass --require NAME==VERSION with its distribution name",
                "if it is your own module, pass --local PATH (its file or package folder) so it is copied into the project",
                "nbship never turns an import name into a package name by guessing (dependency confusion)",
            ]
        ))
        return .unresolved
    }
}
