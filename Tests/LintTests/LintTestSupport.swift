import Diagnostics
@testable import Lint

/// Lints in-memory files the way the CLI lints files on disk.
enum LintHarness {
    static func lint(
        _ files: [String: String], paths: [String]? = nil, configuration: LintConfiguration = LintConfiguration()
    ) -> LintReport {
        Linter(configuration: configuration).lint(paths: paths ?? files.keys.sorted(), fileSystem: InMemoryFileSystem(files))
    }

    /// `id@line:column` for each finding of a one-file lint, for compact expectations.
    static func summary(_ files: [String: String], configuration: LintConfiguration = LintConfiguration()) -> [String] {
        lint(files, configuration: configuration).findings.map { finding in
            let location = finding.location
            let cell = location?.cell.map { "cell\($0):" } ?? ""
            return "\(finding.id)@\(location?.path ?? ""):\(cell)\(location?.line ?? 0):\(location?.column ?? 0)"
        }
    }
}
