import Foundation
import TestSupport
import Testing

/// Runs the real `nbship lint` binary (built by `swift build`) in temporary repositories and
/// checks stdout, stderr and the exit code exactly.
@Suite struct LintCommandTests {
    static let binary = PackagePaths.debugBinary.path

    static var binaryExists: Bool { PackagePaths.builtBinary != nil }

    static func run(_ arguments: [String], in directory: URL) throws -> ProcessRunner.Result {
        try ProcessRunner.run(PackagePaths.debugBinary, arguments: ["lint"] + arguments, in: directory)
    }

    static func repository(_ files: [String: String], git: Bool = true) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-lint-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        if git {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "init", "-q"]
            process.currentDirectoryURL = root
            try process.run()
            process.waitUntilExit()
        }
        return root
    }

    static let files = [
        "Dockerfile": "FROM python:3.12-slim\nRUN pip install flask\n",
        "deploy/compose.yaml": "services:\n  cache:\n    image: redis\n",
        ".gitignore": "build/\n",
        "build/Dockerfile": "FROM debian\n",
        "README.md": "FROM debian\n",
    ]

    @Test(.enabled(if: binaryExists)) func scansTheRepositoryHonouringGitignore() throws {
        let root = try Self.repository(Self.files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run([], in: root)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            Dockerfile:2:17: warning: pip installs 'flask' without a version [pip.unpinned]
              note: pin an exact version with '==' (or install from a pinned requirements file)
            deploy/compose.yaml:3:12: warning: compose image 'redis' has no tag or digest, so it pulls ':latest' [image.untagged]

            """)
    }

    @Test(.enabled(if: binaryExists)) func walksADirectoryOutsideGit() throws {
        let root = try Self.repository(Self.files, git: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["--format", "github"], in: root)
        #expect(result.status == 1)
        // No git: .gitignore is not consulted, so build/Dockerfile is linted too.
        #expect(result.stdout.split(separator: "\n").map { String($0.prefix(40)) } == [
            "::warning file=Dockerfile,line=2,col=17,",
            "::warning file=build/Dockerfile,line=1,c",
            "::warning file=deploy/compose.yaml,line=",
        ])
    }

    @Test(.enabled(if: binaryExists)) func thresholdAndCleanRunsExitZero() throws {
        let root = try Self.repository(["Dockerfile": "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let clean = try Self.run([], in: root)
        #expect(clean.status == 0 && clean.stdout == "" && clean.stderr == "")
        try Data("FROM debian\n".utf8).write(to: root.appendingPathComponent("Dockerfile"))
        let belowThreshold = try Self.run(["--severity-threshold", "error", "Dockerfile"], in: root)
        #expect(belowThreshold.status == 0)
        #expect(belowThreshold.stdout.hasPrefix("Dockerfile:1:6: warning:"))
    }

    @Test(.enabled(if: binaryExists)) func parseAndUsageErrorsExitTwoWithALocation() throws {
        let root = try Self.repository(["k8s/pod.yaml": "kind: Pod\nspec:\n  containers: [\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let broken = try Self.run(["k8s"], in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("k8s/pod.yaml:4:1: error: invalid YAML"))
        let format = try Self.run(["--format", "xml"], in: root)
        #expect(format.status == 2 && format.stderr == "error: unknown format 'xml'; use text, json, sarif or github\n")
        let unknown = try Self.run(["notes.txt"], in: root)
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("notes.txt:1:1: error: no such file or directory"))
    }

    @Test(.enabled(if: binaryExists)) func configurationFileAndStrict() throws {
        let root = try Self.repository([
            "Dockerfile": "FROM debian:stable\nRUN apt-get install -y curl\n",
            ".nbship.toml": "disable = [\"DL3008\"]\n[severity]\n\"image.floating-tag\" = \"error\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try Self.run([], in: root)
        #expect(plain.status == 0 && plain.stdout == "")
        let strict = try Self.run(["--strict", "--format", "json"], in: root)
        #expect(strict.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [String: Any]
        let rules = (object?["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["image.floating-tag", "image.missing-digest"])
        try Data("polcy = 1\n".utf8).write(to: root.appendingPathComponent(".nbship.toml"))
        let bad = try Self.run([], in: root)
        #expect(bad.status == 2 && bad.stderr == ".nbship.toml:1:1: error: unknown key 'polcy' [lint.invalid-config]\n")
    }
}
