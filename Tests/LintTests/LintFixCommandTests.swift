import Foundation
import TestSupport
import Testing

/// `nbship lint --fix` through the real binary: versions from a real interpreter (asked
/// independently here), from a lock file, digests from an OCI layout's index.json; exit codes,
/// `--diff` writing nothing, and every output format saying what changed.
@Suite struct LintFixCommandTests {
    static var binaryExists: Bool { PackagePaths.builtBinary != nil }

    static func run(_ arguments: [String], in directory: URL) throws -> ProcessRunner.Result {
        try ProcessRunner.run(PackagePaths.debugBinary, arguments: ["lint"] + arguments, in: directory)
    }

    static func read(_ path: String, in root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The version the test interpreter has installed, asked through importlib.metadata.
    static func installed(_ name: String) -> String? {
        let result = try? TestPython.run(["-c", "import importlib.metadata as m; print(m.version('\(name)'))"])
        guard let result, result.status == 0 else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var interpreterHasPip: Bool { installed("pip") != nil }

    @Test(.enabled(if: binaryExists && interpreterHasPip)) func pinsToTheInterpreterAndExitsZeroWhenAllFixed() throws {
        let pip = try #require(Self.installed("pip"))
        let root = try LintCommandTests.repository(["requirements.txt": "pip>=20  # the installer\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["--fix", "--python", TestPython.interpreter], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "requirements.txt:1:1: note: fixed: 'pip>=20' → 'pip==\(pip)' [requirements.unpinned]\n")
        #expect(try Self.read("requirements.txt", in: root) == "pip==\(pip)  # the installer\n")
        let again = try Self.run(["--fix", "--python", TestPython.interpreter], in: root)
        #expect(again.status == 0 && again.stdout.isEmpty)
    }

    @Test(.enabled(if: binaryExists && interpreterHasPip)) func aVersionOutsideTheStatedRangeIsNotPinned() throws {
        let root = try LintCommandTests.repository(["requirements.txt": "pip<1\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["--fix", "--python", TestPython.interpreter], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("requirements.txt:1:1: warning: requirement 'pip<1' is a range"))
        #expect(try Self.read("requirements.txt", in: root) == "pip<1\n")
    }

    @Test(.enabled(if: binaryExists)) func lockFileVersionsDiffWritesNothingAndRemainingFindingsExitOne() throws {
        let files = [
            "uv.lock": "version = 1\n[[package]]\nname = \"pandas\"\nversion = \"2.2.2\"\n",
            "requirements.txt": "pandas\nunlocked>=1\n",
        ]
        let root = try LintCommandTests.repository(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let preview = try Self.run(["--fix", "--diff", "--lock", "uv.lock"], in: root)
        #expect(preview.status == 1)
        #expect(preview.stdout == "--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1,3 +1,3 @@\n-pandas\n+pandas==2.2.2\n unlocked>=1\n \n")
        #expect(try Self.read("requirements.txt", in: root) == "pandas\nunlocked>=1\n")

        let json = try Self.run(["--fix", "--lock", "uv.lock", "--format", "json"], in: root)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let fixes = try #require(document["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1 && fixes.first?["after"] as? String == "pandas==2.2.2" && fixes.first?["line"] as? Int == 1)
        #expect((document["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["requirements.unpinned"])
        #expect(try Self.read("requirements.txt", in: root) == "pandas==2.2.2\nunlocked>=1\n")
    }

    @Test(.enabled(if: binaryExists)) func imagesPinnedFromAnOCILayoutInEveryFormat() throws {
        let digest = "sha256:" + String(repeating: "c", count: 64)
        let index = """
            {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
             "digest": "\(digest)", "size": 2, "annotations": {"org.opencontainers.image.ref.name": "3.12-slim"}}]}
            """
        let files = ["Dockerfile": "FROM python:3.12-slim\n", "images/python/index.json": index, "images/python/oci-layout": "{}\n"]
        for format in ["text", "github", "sarif"] {
            let root = try LintCommandTests.repository(files)
            defer { try? FileManager.default.removeItem(at: root) }
            let result = try Self.run(["--fix", "--images", "images", "--strict", "--format", format], in: root)
            #expect(result.status == 0, "\(format): \(result.stdout)\(result.stderr)")
            #expect(try Self.read("Dockerfile", in: root) == "FROM python:3.12-slim@\(digest)\n")
            switch format {
            case "text":
                #expect(result.stdout == "Dockerfile:1:6: note: fixed: 'python:3.12-slim' → 'python:3.12-slim@\(digest)' [image.missing-digest]\n")
            case "github":
                #expect(result.stdout.hasPrefix("::notice file=Dockerfile,line=1,col=6,title=image.missing-digest::fixed: "))
            default:
                #expect(result.stdout.contains("\"kind\" : \"pass\"") && result.stdout.contains("\"after\" : \"python:3.12-slim@\(digest)\""))
            }
        }
    }

    @Test(.enabled(if: binaryExists)) func imagesPinnedFromAnOCIArchive() throws {
        let digest = "sha256:" + String(repeating: "d", count: 64)
        let index = "{\"schemaVersion\": 2, \"manifests\": [{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", "
            + "\"digest\": \"\(digest)\", \"size\": 2, \"annotations\": {\"org.opencontainers.image.ref.name\": \"7.2\"}}]}"
        let root = try LintCommandTests.repository([
            "compose.yaml": "services:\n  cache:\n    image: redis:7.2  # cache\n", "staging/index.json": index,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // A real tar, as an oci-archive is: index.json at its root.
        let tar = try ProcessRunner.run(["/usr/bin/env", "tar", "-cf", root.appendingPathComponent("redis.tar").path,
                                         "-C", root.appendingPathComponent("staging").path, "index.json"])
        #expect(tar.status == 0)
        let result = try Self.run(["--fix", "--images", "redis.tar", "--strict", "compose.yaml"], in: root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try Self.read("compose.yaml", in: root) == "services:\n  cache:\n    image: redis:7.2@\(digest)  # cache\n")
        let missing = try Self.run(["--fix", "--images", "nowhere"], in: root)
        #expect(missing.status == 2 && missing.stderr == "error: no such OCI layout or archive 'nowhere'\n")
    }

    @Test(.enabled(if: binaryExists)) func fixOptionsAreCheckedAsUsage() throws {
        let root = try LintCommandTests.repository(["requirements.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let diffAlone = try Self.run(["--diff"], in: root)
        #expect(diffAlone.status == 2)
        #expect(diffAlone.stderr.contains("--diff previews --fix"))
        let badLock = try Self.run(["--fix", "--lock", "missing.lock"], in: root)
        #expect(badLock.status == 2 && badLock.stderr == "error: cannot read the lock file 'missing.lock'\n")
        #expect(try Self.read("requirements.txt", in: root) == "x\n")
    }
}
