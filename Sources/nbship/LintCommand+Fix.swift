import ArgumentParser
import Diagnostics
import Foundation
import Lint
import Requirements

extension NBShip.LintCommand {
    /// What `--fix` did: the changed texts (over the disk), the changes, and their diff.
    struct FixOutcome {
        var fileSystem: any LintFileSystem
        var fixes: [AppliedFix]
        var diff: String
    }

    /// Files as they are after the fixes, falling back to the disk.
    struct OverlayFileSystem: LintFileSystem {
        var changed: [String: String]

        func contents(of path: String) -> String? {
            changed[LintPath.normalise(path)] ?? LocalFileSystem().contents(of: path)
        }
    }

    /// Computes the fixes for the findings the files have, and writes them unless `--diff`.
    func applyFixes(files: [String], configuration: LintConfiguration) throws -> FixOutcome {
        let versions = try fixVersions()
        let digests = try fixDigests()
        let fixer = LintFixer(versions: versions, digests: digests) { specifiers, version in
            // A pin must not change what the requirement allows: the known version has to be in range.
            guard !specifiers.isEmpty else { return true }
            guard let set = try? SpecifierSet(parsing: specifiers), let parsed = Version(version) else { return false }
            return set.contains(parsed, prereleases: true)
        }
        let linter = Linter(configuration: configuration)
        let disk = LocalFileSystem()
        let findings = linter.lint(paths: files, fileSystem: disk).findings
        let found = Set(findings.compactMap { finding in finding.location.map { FindingKey(id: finding.id, location: $0) } })
        var edits: [String: [TextEdit]] = [:]
        var fixes: [AppliedFix] = []
        var seen = Set<AppliedFix>()
        for path in files {
            guard let text = disk.contents(of: path), let kind = FileKind.detect(path: path, text: text) else { continue }
            let facts = linter.facts(path: path, text: text, kind: kind, fileSystem: disk)
            let (fileEdits, fileFixes) = fixer.edits(for: facts, text: text, fileSystem: disk)
            for (edit, applied) in zip(fileEdits, fileFixes) {
                // Installs are fixed only where a finding stands (not ignored, rule enabled);
                // images whenever --images knows their digest.
                let isImage = applied.ruleID.hasPrefix("image.")
                guard isImage || found.contains(FindingKey(id: applied.ruleID, location: applied.location)),
                      seen.insert(applied).inserted else { continue }
                edits[LintPath.normalise(edit.path), default: []].append(edit)
                fixes.append(applied)
            }
        }
        var changed: [String: String] = [:]
        var diffText = ""
        for path in edits.keys.sorted() {
            guard let old = disk.contents(of: path) else { continue }
            let new = TextEdit.apply(edits[path] ?? [], to: old)
            guard new != old else { continue }
            changed[path] = new
            diffText += UnifiedDiff.render(path: path, old: old, new: new)
        }
        if !diff {
            for path in changed.keys.sorted() {
                guard let text = changed[path] else { continue }
                do {
                    try AtomicWriter.writeFile(text, to: path, force: true)
                } catch {
                    FileHandle.standardError.write(Data((DiagnosticRenderer(colour: false).render(error.diagnostic) + "\n").utf8))
                    throw ExitCode(2)
                }
            }
        }
        return FixOutcome(fileSystem: OverlayFileSystem(changed: changed), fixes: fixes.sorted { lhs, rhs in
            (lhs.location.path, lhs.location.cell ?? -1, lhs.location.line, lhs.location.column)
                < (rhs.location.path, rhs.location.cell ?? -1, rhs.location.line, rhs.location.column)
        }, diff: diffText)
    }

    struct FindingKey: Hashable {
        var id: String
        var location: SourceLocation
    }

    /// Versions by normalised name: from `--lock`, else from the `--python` interpreter.
    func fixVersions() throws -> [String: String] {
        if let lock {
            guard let text = LocalFileSystem().contents(of: lock) else { throw usageError("cannot read the lock file '\(lock)'") }
            do {
                return try LockedVersions.parse(path: lock, text: text)
            } catch {
                throw usageError(error.description)
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let interpreter: CheckedPythonInterpreter
        do {
            interpreter = try PythonInterpreter.selected(option: python, environment: environment).check(environment: environment)
        } catch {
            FileHandle.standardError.write(Data((DiagnosticRenderer(colour: false).render(error.diagnostic) + "\n").utf8))
            throw ExitCode(2)
        }
        var versions = try InstalledVersions.read(interpreter: interpreter.executable)
        // A conda environment's `python` entry is the interpreter itself.
        versions["python"] = versions["python"] ?? interpreter.release
        return versions
    }

    /// Digests by canonical reference from `--images`: an OCI layout (a folder with
    /// `index.json`), an OCI archive (a tar holding one, as `nbship build` and `skopeo copy …
    /// oci-archive:` write), or a folder of either; bare-tag names take the layout's or the
    /// archive's name (without `.tar`) as the repository.
    func fixDigests() throws -> [String: String] {
        guard let images else { return [:] }
        let manager = FileManager.default
        let root = URL(fileURLWithPath: images)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: images, isDirectory: &isDirectory) else {
            throw usageError("no such OCI layout or archive '\(images)'")
        }
        var sources: [URL] = []
        if !isDirectory.boolValue || manager.fileExists(atPath: root.appendingPathComponent("index.json").path) {
            sources = [root]
        } else if let children = try? manager.contentsOfDirectory(at: root, includingPropertiesForKeys: nil) {
            sources = children.filter { child in
                child.pathExtension == "tar" || manager.fileExists(atPath: child.appendingPathComponent("index.json").path)
            }.sorted { $0.path < $1.path }
        }
        var digests: [String: String] = [:]
        for source in sources {
            let isArchive = !manager.fileExists(atPath: source.appendingPathComponent("index.json").path)
            let data = isArchive ? Self.indexFromArchive(source.path) : manager.contents(atPath: source.appendingPathComponent("index.json").path)
            guard let data else { throw usageError("'\(source.path)' holds no OCI index.json") }
            let name = isArchive ? source.deletingPathExtension().lastPathComponent : source.lastPathComponent
            digests.merge(ImageDigestIndex.parse(indexJSON: data, layoutName: name)) { first, _ in first }
        }
        guard !sources.isEmpty else { throw usageError("'\(images)' holds no OCI layout or archive") }
        return digests
    }

    /// `index.json` of an OCI archive, read with tar(1).
    static func indexFromArchive(_ path: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-xOf", path, "index.json"]
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
        return process.terminationStatus == 0 && !data.isEmpty ? data : nil
    }
}
