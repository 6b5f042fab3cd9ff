import Foundation
import TestSupport
import Testing

/// What a user types after `nbship convert` works verbatim in a fresh shell (issue 10): the
/// `next:` line it prints, run by `bash -c` with nothing but `PATH=/usr/bin:/bin` and `HOME`, and
/// the project README's "Run it" block, run the same way with the `--python` interpreter's folder
/// first on `PATH`, as in an activated virtual environment.
@Suite(.serialized) struct NextStepsTests {
    /// Quick notebooks, one whose path has spaces.
    static let notebooks = [
        "fixtures/demo/churn.ipynb",
        "../shared/corpus/notebooks/codebasics-py/ML/1_linear_reg/1_linear_regression.ipynb",
        "../shared/corpus/notebooks/jeffprosise-Machine-Learning/Nearest Neighbors.ipynb",
    ]
    static let python: String? = ConvertCorpusTests.corpusPython
    static let home = FileManager.default.homeDirectoryForCurrentUser.path

    /// Converts in a new folder (the output given relative to it, with a space in its name) and
    /// returns that folder, the project and `convert`'s stderr.
    static func convert(_ notebook: String, python: String) throws -> (folder: URL, project: URL, stderr: String) {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-next-steps")
        let result = try ProcessRunner.run(
            PackagePaths.binary, arguments: ["convert", PackagePaths.root.appendingPathComponent(notebook).path, "-o", "my project", "--python", python],
            in: folder)
        #expect(result.status == 0, "\(notebook): \(result.stderr)")
        return (folder, folder.appendingPathComponent("my project"), result.stderr)
    }

    /// Runs a shell script with `bash -e -c` (stopping at the first failing command) in a clean environment.
    static func shell(_ script: String, in folder: URL, path: String) throws -> ProcessRunner.Result {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), arguments: ["-e", "-c", script], in: folder,
                              environment: ["PATH": path, "HOME": home], inheritsEnvironment: false)
    }

    @Test(.enabled(if: python != nil, "needs NBSHIP_CORPUS_PYTHON: make setup-corpus"), arguments: notebooks)
    func thePrintedNextStepsRunVerbatimInAFreshShell(notebook: String) throws {
        let python = try #require(Self.python)
        let (folder, _, stderr) = try Self.convert(notebook, python: python)
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try #require(stderr.split(separator: "\n").first { $0.hasPrefix("next: ") }, "no next: line in\n\(stderr)")
        let command = String(line.dropFirst("next: ".count))
        #expect(command.contains("cd 'my project' && "), "\(command)")
        let result = try Self.shell(command, in: folder, path: "/usr/bin:/bin")
        #expect(result.status == 0, "\(notebook): `\(command)` exited \(result.status)\n\(result.stdout.suffix(2000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains(" passed"), "\(result.stdout.suffix(2000))")
    }

    @Test(.enabled(if: python != nil, "needs NBSHIP_CORPUS_PYTHON: make setup-corpus"), arguments: notebooks)
    func theReadmeRunItBlockRunsVerbatimWithTheInterpreterFirstOnPath(notebook: String) throws {
        let python = try #require(Self.python)
        let (folder, project, _) = try Self.convert(notebook, python: python)
        defer { try? FileManager.default.removeItem(at: folder) }
        let readme = try String(contentsOf: project.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(Self.firstShellBlock(after: "## Run it", in: readme), "no sh block under ## Run it\n\(readme)")
        #expect(block.contains("python -m pytest"))
        #expect(!block.contains("pip install") && !block.contains("venv"), "the Run it block needs no package index:\n\(block)")
        let bin = URL(fileURLWithPath: python).deletingLastPathComponent().path
        let result = try Self.shell(block, in: project, path: "\(bin):/usr/bin:/bin")
        #expect(result.status == 0, "\(notebook): the Run it block exited \(result.status)\n\(block)\n\(result.stdout.suffix(2000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains(" passed"), "\(result.stdout.suffix(2000))")
        // The environment-creating block is a separate one.
        #expect(readme.contains("needs the package index"))
    }

    /// The body of the first ```` ```sh ```` block after a heading.
    static func firstShellBlock(after heading: String, in markdown: String) -> String? {
        guard let section = markdown.range(of: "\n" + heading + "\n"),
              let open = markdown.range(of: "```sh\n", range: section.upperBound..<markdown.endIndex),
              let close = markdown.range(of: "\n```", range: open.upperBound..<markdown.endIndex) else { return nil }
        return String(markdown[open.upperBound..<close.lowerBound])
    }
}
