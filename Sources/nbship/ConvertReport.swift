import Convert
import Diagnostics
import Foundation
import Refactor
import Verify

/// What `nbship convert` prints: the file tree, the pipeline summary, and the JSON report.
enum ConvertReport {
    /// The project's files as an indented tree, sizes on the right.
    static func tree(_ project: ConvertedProject, destination: String) -> String {
        var sizes: [String: Int] = [:]
        for file in project.files { sizes[file.path] = file.contents.utf8.count }
        for copy in project.copies { sizes[copy.path] = copy.size }
        var lines = ["\(destination)/"]
        var printed: Set<String> = []
        for path in sizes.keys.sorted() {
            let parts = path.split(separator: "/").map(String.init)
            for depth in 0..<(parts.count - 1) {
                let folder = parts[...depth].joined(separator: "/")
                if printed.insert(folder).inserted {
                    lines.append(String(repeating: "  ", count: depth + 1) + parts[depth] + "/")
                }
            }
            let name = String(repeating: "  ", count: parts.count) + (parts.last ?? path)
            lines.append(name.padding(toLength: max(name.count, 44), withPad: " ", startingAt: 0) + " " + byteCount(sizes[path] ?? 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The stage functions and pins in a few lines.
    static func summary(_ project: ConvertedProject) -> String {
        var lines = ["", "package \(project.plan.packageName):"]
        for module in project.plan.modules {
            let functions = module.functions.map(\.signature).map { $0.dropFirst(4).dropLast() }
            let text = module.isEmpty ? "(empty: no \(module.name) code in the notebook)" : functions.joined(separator: ", ")
            lines.append("  \(module.name).py  \(text)")
        }
        if let artifact = project.plan.artifacts.first {
            lines.append("  artifact: \(artifact.name) → \(artifact.path) (\(artifact.format.rawValue))")
        }
        lines.append("requirements (\(project.requirements.pythonVersion)): " + project.requirements.runtime.map(\.line).joined(separator: " "))
        if !project.requirements.explore.isEmpty {
            lines.append("exploration only: " + project.requirements.explore.map(\.line).joined(separator: " "))
        }
        lines.append(resultsLine(project.results))
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many recorded values became checks, and why the others did not.
    static func resultsLine(_ results: NotebookResults) -> String {
        guard results.hasOutputs else {
            return "recorded results: none (the notebook was saved without outputs; run it, save it and convert again to get tests of its results)"
        }
        var line = "recorded results: \(results.checks.count) checked"
        if results.boundedCount > 0 {
            line += " (\(results.exactCount) to the digits shown, \(results.boundedCount) by range: unseeded randomness)"
        }
        let unchecked = results.uncheckedCounts
        if !unchecked.isEmpty {
            line += "; not checked: " + unchecked.map { "\($0.count) \($0.reason.explanation)" }.joined(separator: "; ")
        }
        return line
    }

    /// The closing lines on stderr after writing: what was written and the next steps, which
    /// work verbatim in a fresh shell (the interpreter made absolute when it is a relative path,
    /// the package found through `PYTHONPATH=src` without installing it).
    /// - Parameters:
    ///   - project: The converted project.
    ///   - destination: The output folder as the user gave it.
    ///   - python: The interpreter `convert` used (`--python`, `$VIRTUAL_ENV`'s, or `python3`).
    ///   - workingDirectory: Where relative paths are resolved.
    /// - Returns: The text.
    static func written(_ project: ConvertedProject, destination: String, python: String,
                        workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let copied = project.copies.isEmpty ? "" : ", \(project.copies.count) copied"
        var interpreter = python
        if python.contains("/"), !python.hasPrefix("/") {
            interpreter = URL(fileURLWithPath: python, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true)).standardizedFileURL.path
        }
        let py = ShellQuote.quote(interpreter)
        let package = project.plan.packageName
        return """
            wrote \(destination)/ (\(project.files.count) files\(copied))
            next: cd \(ShellQuote.quote(destination)) && PYTHONPATH=src \(py) -m \(package).train && \(py) -m pytest

            """
    }

    /// The machine-readable report: files, copies, pins, modules and diagnostics.
    static func json(_ project: ConvertedProject, destination: String, written: Bool) -> String {
        struct FileEntry: Encodable { var path: String; var bytes: Int }
        struct CopyEntry: Encodable { var path: String; var source: String; var bytes: Int }
        struct Functions: Encodable { var module: String; var functions: [String] }
        struct Report: Encodable {
            var output: String
            var written: Bool
            var package: String
            var files: [FileEntry]
            var copies: [CopyEntry]
            var requirements: [String]
            var exploreRequirements: [String]
            var devRequirements: [String]
            var modules: [Functions]
            var diagnostics: [Diagnostic]
            var results: Results
        }
        struct Results: Encodable {
            var hasOutputs: Bool
            var checked: Int
            var exact: Int
            var byRange: Int
            var unchecked: [String: Int]
            var checks: [ResultCheck]
        }
        let report = Report(
            output: destination, written: written, package: project.plan.packageName,
            files: project.files.map { FileEntry(path: $0.path, bytes: $0.contents.utf8.count) },
            copies: project.copies.map { CopyEntry(path: $0.path, source: $0.source, bytes: $0.size) },
            requirements: project.requirements.runtime.map(\.line),
            exploreRequirements: project.requirements.explore.map(\.line),
            devRequirements: project.requirements.dev.map(\.line),
            modules: project.plan.modules.map { Functions(module: $0.name, functions: $0.functions.map(\.signature)) },
            diagnostics: project.diagnostics,
            results: Results(hasOutputs: project.results.hasOutputs, checked: project.results.checks.count, exact: project.results.exactCount,
                             byRange: project.results.boundedCount,
                             unchecked: Dictionary(project.results.uncheckedCounts.map { ($0.reason.rawValue, $0.count) }, uniquingKeysWith: +),
                             checks: project.results.checks))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func byteCount(_ bytes: Int) -> String {
        bytes < 10_000 ? "\(bytes) B" : "\((bytes + 512) / 1024) KiB"
    }
}
