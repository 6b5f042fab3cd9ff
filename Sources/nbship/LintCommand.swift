import ArgumentParser
import Diagnostics
import Foundation
import Lint

extension NBShip {
    /// `nbship lint`: fails CI on floating versions in Dockerfiles, Compose and Kubernetes
    /// files, requirements, pyproject.toml and notebooks.
    struct LintCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Find floating versions: untagged or ':latest' images, unpinned pip, conda and OS installs.",
            discussion: """
                With no paths, lints every file of the repository that git does not ignore \
                (Dockerfile*, *.dockerfile, Containerfile, compose and Kubernetes YAML, \
                requirements*.txt, constraints*.txt, pyproject.toml, *.ipynb, notebook-exported *.py, \
                GitHub Actions workflows and action.yml, .gitlab-ci.yml, conda environment.yml, Pipfile, \
                Helm values.yaml, kustomization.yaml, devcontainer.json). Configuration is read \
                from --config or ./.nbship.toml. Ignore a finding with a comment \
                '# nbship: ignore[RULE-ID] -- reason' on its line or the line above, or a whole file \
                with '# nbship: ignore-file[RULE-ID] -- reason'. Peer ids (DL3006, DS001, CKV_K8S_14, \
                latest-tag) are accepted wherever a rule id is, and peers' own pragmas are honoured: \
                '# hadolint ignore=…', '# hadolint global ignore=…', .hadolint.yaml 'ignored:', \
                '# trivy:ignore:…', '# checkov:skip=…', '# zizmor: ignore[…]' and kube-linter's \
                'ignore-check.kube-linter.io/…' annotations.

                --fix pins floating Python requirements (requirements files and their -r/-c includes, \
                pyproject.toml, Pipfile, environment.yml, notebook install lines) to the versions \
                installed for --python, or those of --lock FILE, and images to the digests the OCI \
                layouts under --images name, changing only those texts; --fix --diff prints the \
                changes as a unified diff and writes nothing. With --fix the exit code is that of \
                the files after the fix: 0 when everything found was fixed, 1 when findings remain.

                Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or parse errors.
                """
        )

        @Argument(help: "Files or directories to lint (default: the repository).")
        var paths: [String] = []

        @Option(help: "Output format: text, json, sarif or github.")
        var format: String = LintOutputFormat.text.rawValue

        @Flag(help: "Turn on the opt-in rules (floating tags, digests, registries, OS package pins).")
        var strict = false

        @Option(help: "The configuration file (default: ./.nbship.toml when present).")
        var config: String?

        @Option(help: "The lowest severity that fails the run: note, warning or error.")
        var severityThreshold: String = Severity.warning.rawValue

        @Flag(help: "List the rules with their peer equivalents and exit.")
        var listRules = false

        @Flag(help: "Pin what can be pinned: Python requirements to the versions of --python or --lock, images to the digests in --images.")
        var fix = false

        @Flag(help: "With --fix: print the changes as a unified diff and write nothing.")
        var diff = false

        @Option(help: "With --fix: the interpreter whose installed versions pins use (default: $VIRTUAL_ENV's python, else python3).")
        var python: String?

        @Option(help: "With --fix: take versions from a lock file (requirements.lock, uv.lock, poetry.lock, pdm.lock) instead.")
        var lock: String?

        @Option(help: "With --fix: a local OCI layout, or a folder of them, whose index.json names the images to pin by digest.")
        var images: String?

        func validate() throws {
            if diff && !fix { throw ValidationError("--diff previews --fix; pass both") }
            if !fix, python != nil || lock != nil || images != nil {
                throw ValidationError("--python, --lock and --images are for --fix")
            }
            if python != nil && lock != nil { throw ValidationError("pass --python or --lock, not both") }
        }

        /// Reports a usage error the way the house does (exit code 2, not ArgumentParser's 64).
        func usageError(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode(2)
        }

        func run() throws {
            guard let format = LintOutputFormat(rawValue: format) else {
                throw usageError("unknown format '\(format)'; use text, json, sarif or github")
            }
            guard let severityThreshold = Severity(rawValue: severityThreshold) else {
                throw usageError("unknown severity '\(severityThreshold)'; use note, warning or error")
            }
            if listRules {
                print(RuleListing.render(), terminator: "")
                return
            }
            var configuration = LintConfiguration()
            let configPath = config ?? (FileManager.default.fileExists(atPath: ".nbship.toml") ? ".nbship.toml" : nil)
            if let configPath {
                guard let text = LocalFileSystem().contents(of: configPath) else {
                    throw usageError("cannot read the configuration file '\(configPath)'")
                }
                do {
                    configuration = try LintConfiguration.parse(toml: text, path: configPath)
                } catch {
                    FileHandle.standardError.write(Data((DiagnosticRenderer(colour: false).render(error.diagnostic) + "\n").utf8))
                    throw ExitCode(2)
                }
            }
            if strict { configuration.strict = true }

            let discovery = FileDiscovery()
            var files: [String] = []
            var problems: [Diagnostic] = []
            if paths.isEmpty {
                files = discovery.repositoryFiles(under: nil)
            } else {
                for path in paths {
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                        problems.append(.error("lint.unreadable-file", "no such file or directory", at: SourceLocation(path: path, line: 1, column: 1)))
                        continue
                    }
                    if isDirectory.boolValue {
                        files += discovery.repositoryFiles(under: path)
                    } else if FileKind.detect(path: path) == nil {
                        problems.append(.error(
                            "lint.unknown-file-kind", "cannot tell what kind of file this is (Dockerfile, compose, "
                                + "Kubernetes, requirements, pyproject.toml, notebook, workflow, GitLab CI, conda environment, "
                                + "Pipfile, Helm values, kustomization or devcontainer)",
                            at: SourceLocation(path: path, line: 1, column: 1)))
                    } else {
                        files.append(path)
                    }
                }
            }

            let scanned = Set(files.filter { file in !paths.contains(file) })
            files.removeAll { file in scanned.contains(file) && configuration.excluded.contains { $0.matches(file) } }
            var fileSystem: any LintFileSystem = LocalFileSystem()
            var fixes: [AppliedFix] = []
            if fix {
                let outcome = try applyFixes(files: files, configuration: configuration)
                if diff {
                    print(outcome.diff, terminator: "")
                    let remaining = Linter(configuration: configuration).lint(paths: files, fileSystem: outcome.fileSystem)
                    if !(problems + remaining.problems).isEmpty { throw ExitCode(2) }
                    if !remaining.findings(atLeast: severityThreshold).isEmpty { throw ExitCode(1) }
                    return
                }
                fileSystem = outcome.fileSystem
                fixes = outcome.fixes
            }
            var report = Linter(configuration: configuration).lint(paths: files, fileSystem: fileSystem)
            report.fixes = fixes
            report.problems = problems + report.problems
            let colour = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            switch format {
            case .text:
                var findings = LintReport(findings: report.findings, files: report.files)
                findings.fixes = report.fixes
                print(TextReporter(colour: colour).render(findings), terminator: "")
                let problemText = TextReporter(colour: isatty(STDERR_FILENO) != 0).render(LintReport(problems: report.problems))
                FileHandle.standardError.write(Data(problemText.utf8))
            case .json:
                print(JSONReporter().render(report), terminator: "")
            case .sarif:
                let root = discovery.repositoryRoot() ?? FileManager.default.currentDirectoryPath
                print(SARIFReporter(root: root, toolVersion: NBShipVersion.current).render(report), terminator: "")
            case .github:
                print(GitHubReporter().render(report), terminator: "")
            }
            if !report.problems.isEmpty { throw ExitCode(2) }
            if !report.findings(atLeast: severityThreshold).isEmpty { throw ExitCode(1) }
        }
    }
}

/// The output formats of `nbship lint`.
enum LintOutputFormat: String, CaseIterable {
    case text, json, sarif, github
}

extension NBShip.LintCommand {

    /// Finds the files `nbship lint` reads: `git ls-files -co --exclude-standard` inside a git
    /// work tree (so `.gitignore` is honoured), otherwise a directory walk that skips `.git`,
    /// `.build`, `.venv` and `node_modules`.
    struct FileDiscovery {
        /// The lintable files under a directory (the current one when `nil`), sorted.
        func repositoryFiles(under directory: String?) -> [String] {
            let listed = git(["ls-files", "-co", "--exclude-standard", "-z"] + (directory.map { ["--", $0] } ?? []))
            let candidates: [String]
            if let listed {
                candidates = listed.split(separator: "\0").map(String.init)
            } else {
                candidates = walk(directory ?? ".")
            }
            return Array(Set(candidates.filter { FileKind.detect(path: $0) != nil && FileManager.default.fileExists(atPath: $0) })).sorted()
        }

        /// The top of the git work tree, if inside one.
        func repositoryRoot() -> String? {
            git(["rev-parse", "--show-toplevel"]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        func git(_ arguments: [String]) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                return nil
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return String(decoding: data, as: UTF8.self)
        }

        func walk(_ root: String) -> [String] {
            let skipped: Set<String> = [".git", ".build", ".venv", "node_modules", "__pycache__"]
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
            var files: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if skipped.contains(name) {
                    enumerator.skipDescendants()
                    continue
                }
                files.append(root == "." ? relative : root + "/" + relative)
            }
            return files
        }
    }

    /// `nbship lint --list-rules`: one line per rule with its default, opt-in flag and equivalents.
    enum RuleListing {
        static func render() -> String {
            RuleRegistry.all.map(\.description).map { rule in
                let equivalents = rule.equivalents.map(\.description).joined(separator: ", ")
                let optIn = rule.isOptIn ? " (opt-in)" : ""
                return "\(rule.id)\t\(rule.defaultSeverity.rawValue)\(optIn)\t\(rule.summary)"
                    + (equivalents.isEmpty ? "" : "\t[\(equivalents)]") + "\n"
            }.joined()
        }
    }
}
