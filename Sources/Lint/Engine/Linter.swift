import Diagnostics

/// Runs the rules over files: reads each file into ``FileFacts`` by its ``FileKind``, runs
/// the enabled rules, applies configured severities and ignore comments.
public struct Linter: Sendable {
    /// The configuration.
    public var configuration: LintConfiguration
    /// The rules to consider (enabled ones run).
    public var rules: [any LintRule]
    /// How notebooks are read.
    public var notebookReader: any NotebookCellReading
    /// Peer ids every Dockerfile ignores (`.hadolint.yaml`'s `ignored:`); read from the current
    /// directory by ``lint(paths:fileSystem:)`` when empty.
    public var dockerfileIgnores: [String] = []

    /// Creates a linter.
    /// - Parameters:
    ///   - configuration: What to check.
    ///   - rules: The rules (all by default).
    ///   - notebookReader: How to read notebooks (the built-in JSON reader by default).
    public init(
        configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule] = RuleRegistry.all,
        notebookReader: any NotebookCellReading = NotebookFileCellReader()
    ) {
        self.configuration = configuration
        self.rules = rules
        self.notebookReader = notebookReader
    }

    /// Whether a rule runs under the configuration.
    /// - Parameter description: The rule.
    /// - Returns: `true` when enabled.
    public func isEnabled(_ description: RuleDescription) -> Bool {
        func named(_ ids: Set<String>) -> Bool {
            ids.contains { RuleRegistry.ruleIDs(matching: $0).contains(description.id) || $0 == description.id }
        }
        if named(configuration.disabled) { return false }
        return !description.isOptIn || configuration.strict || named(configuration.enabled)
    }

    /// The facts of one file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    ///   - kind: How to read it.
    ///   - fileSystem: Where to read files it refers to.
    /// - Returns: The facts.
    public func facts(path: String, text: String, kind: FileKind, fileSystem: any LintFileSystem) -> FileFacts {
        switch kind {
        case .dockerfile: DockerfileFacts.extract(path: path, text: text)
        case .requirements: RequirementsFacts.extract(path: path, text: text, fileSystem: fileSystem)
        case .pyproject: PyprojectFacts.extract(path: path, text: text)
        case .notebook: NotebookFacts.extract(path: path, text: text, reader: notebookReader)
        case .compose: ComposeFacts.extract(path: path, text: text, fileSystem: fileSystem)
        case .kubernetes: KubernetesFacts.extract(path: path, text: text)
        case .python: PythonScriptFacts.extract(path: path, text: text)
        case .githubActions: GitHubActionsFacts.extract(path: path, text: text)
        case .gitlabCI: GitLabCIFacts.extract(path: path, text: text)
        case .condaEnvironment: CondaEnvironmentFacts.extract(path: path, text: text)
        case .pipfile: PipfileFacts.extract(path: path, text: text)
        case .helmValues: HelmValuesFacts.extract(path: path, text: text, fileSystem: fileSystem)
        case .kustomization: KustomizationFacts.extract(path: path, text: text)
        case .devcontainer: DevcontainerFacts.extract(path: path, text: text)
        }
    }

    /// Lints one file's text.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    ///   - kind: How to read it.
    ///   - fileSystem: Where to read files it refers to.
    /// - Returns: The report for this file.
    public func lint(path: String, text: String, kind: FileKind, fileSystem: any LintFileSystem) -> LintReport {
        lintKeepingFacts(path: path, text: text, kind: kind, fileSystem: fileSystem).0
    }

    /// Lints one file, returning its facts too (for the rules that compare files).
    func lintKeepingFacts(path: String, text: String, kind: FileKind, fileSystem: any LintFileSystem) -> (LintReport, FileFacts) {
        var facts = facts(path: path, text: text, kind: kind, fileSystem: fileSystem)
        if kind == .dockerfile, !dockerfileIgnores.isEmpty {
            var directive = IgnoreDirective(
                ruleIDs: dockerfileIgnores, reason: ".hadolint.yaml", isFileLevel: true, standsAlone: true,
                location: SourceLocation(path: path, line: 1, column: 1))
            directive.peer = "hadolint"
            facts.ignores.append(directive)
        }
        var findings: [Diagnostic] = []
        for rule in rules where isEnabled(rule.description) {
            for var finding in rule.check(facts, configuration: configuration) {
                if let severity = configuration.severities[rule.description.id] { finding.severity = severity }
                if !isIgnored(finding, rule: rule.description, facts: facts) { findings.append(finding) }
            }
        }
        return (LintReport(findings: Self.sorted(findings), problems: facts.problems, files: [path]), facts)
    }

    /// Lints files read through a file system. Requirements files included by another one in
    /// the list are linted through their includer (so its constraints apply), not on their own.
    /// - Parameters:
    ///   - paths: The files.
    ///   - fileSystem: Where to read them.
    /// - Returns: The combined report.
    public func lint(paths: [String], fileSystem: any LintFileSystem) -> LintReport {
        // Reading is independent per file too: on every core, in the given order.
        let read = ParallelMap.map(paths) { path -> (String, String, FileKind)?? in
            guard FileKind.detect(path: path) != nil else { return .some(nil) }
            guard let text = fileSystem.contents(of: path) else { return nil }
            return FileKind.detect(path: path, text: text).map { (path, text, $0) }
        }
        var texts: [(String, String, FileKind)] = []
        var problems: [Diagnostic] = []
        for (path, file) in zip(paths, read) {
            switch file {
            case .none:
                problems.append(.error("lint.unreadable-file", "cannot read the file", at: SourceLocation(path: path, line: 1, column: 1)))
            case .some(.some(let file)):
                texts.append(file)
            case .some(.none):
                continue
            }
        }
        let included = Set(texts.filter { $0.2 == .requirements }.flatMap { RequirementsFacts.includes(path: $0.0, text: $0.1) })
        var report = LintReport(problems: problems)
        var linter = self
        if linter.dockerfileIgnores.isEmpty, texts.contains(where: { $0.2 == .dockerfile }) {
            linter.dockerfileIgnores = HadolintConfig.ignored(in: fileSystem)
        }
        let linted = texts.filter { $0.2 != .requirements || !included.contains(LintPath.normalise($0.0)) }
        // Files are independent: lint them on every core, then combine in the given order.
        let frozen = linter
        let results = ParallelMap.map(linted) { file in
            frozen.lintKeepingFacts(path: file.0, text: file.1, kind: file.2, fileSystem: fileSystem)
        }
        var allFacts: [FileFacts] = []
        for ((path, _, _), (single, facts)) in zip(linted, results) {
            report.findings += single.findings
            report.problems += single.problems
            report.files.append(path)
            allFacts.append(facts)
        }
        let mismatch = VersionMismatchRule()
        if isEnabled(mismatch.description) {
            let factsByPath = Dictionary(allFacts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let accepted = { (location: SourceLocation) -> Bool in
                let probe = Diagnostic(id: mismatch.description.id, severity: .warning, message: "", location: location)
                return self.isIgnored(probe, rule: mismatch.description, facts: factsByPath[location.path] ?? FileFacts(path: ""))
            }
            for var finding in mismatch.findings(across: allFacts, isAccepted: accepted) {
                if let severity = configuration.severities[mismatch.description.id] { finding.severity = severity }
                report.findings.append(finding)
            }
        }
        var seen = Set<Diagnostic>()
        report.findings = Self.sorted(report.findings.filter { seen.insert($0).inserted })
        return report
    }

    func isIgnored(_ finding: Diagnostic, rule: RuleDescription, facts: FileFacts) -> Bool {
        guard !rule.id.hasPrefix("ignore."), let location = finding.location else { return false }
        let start = facts.statementStarts[LineKey(cell: location.cell, line: location.line)] ?? location.line
        return facts.ignores.contains { directive in
            guard directive.location.path == location.path else { return false }
            let covers = directive.ruleIDs.isEmpty || directive.ruleIDs.contains { id in
                id.lowercased() == rule.id || rule.equivalents.contains { $0.id.lowercased() == id.lowercased() }
            }
            guard covers else { return false }
            if let lines = directive.lines { return lines.contains(location.line) }
            if directive.isFileLevel { return true }
            guard directive.location.cell == location.cell else { return false }
            if directive.location.line == location.line { return true }
            return !directive.sameLineOnly && directive.standsAlone && (directive.location.line == start - 1 || directive.location.line == location.line - 1)
        }
    }

    static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.sorted { lhs, rhs in
            let l = lhs.location
            let r = rhs.location
            return (l?.path ?? "", l?.cell ?? -1, l?.line ?? 0, l?.column ?? 0, lhs.id)
                < (r?.path ?? "", r?.cell ?? -1, r?.line ?? 0, r?.column ?? 0, rhs.id)
        }
    }
}
