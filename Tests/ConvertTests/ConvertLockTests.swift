import Foundation
import Testing
import TestSupport

/// `convert --lock` runs `uv pip compile` through LockCommand: uv from `$NBSHIP_UV` (here a
/// stand-in script, so the tests need neither uv nor the network), progress on a terminal
/// only, uv's failures as located diagnostics and nothing written.
@Suite struct ConvertLockTests {
    static let demo = PackagePaths.root.appendingPathComponent(ConvertCommandTests.demo).path

    /// A stand-in for uv: records its arguments and standard input beside itself, then prints
    /// a lock file (or fails like uv when `fails`).
    static func fakeUV(in folder: URL, fails: Bool = false) throws -> URL {
        let script = folder.appendingPathComponent("uv")
        let body = fails
            ? """
              cat > /dev/null
              echo 'error: No solution found when resolving dependencies' >&2
              echo '  cause: Because scikit-learn==1.3.2 has no usable wheels and you require scikit-learn==1.3.2, we can conclude that your requirements are unsatisfiable.' >&2
              exit 1
              """
            : """
              printf '%s\\n' "$@" > "$0.args"
              cat > "$0.stdin"
              printf '# locked by the stand-in\\npandas==2.1.4 \\\\\\n    --hash=sha256:0000\\n'
              """
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test func locksWithUVAndStaysQuietWithoutATerminal() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-lock")
        defer { try? FileManager.default.removeItem(at: root) }
        let uv = try Self.fakeUV(in: root)
        let out = root.appendingPathComponent("out")
        let result = try NBShip.run(["convert", Self.demo, "-o", out.path, "--python", TestPython.interpreter, "--lock"],
                                    environment: ["NO_COLOR": "1", "NBSHIP_UV": uv.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("locking requirements"), "no progress when stderr is not a terminal")
        #expect(try String(contentsOf: out.appendingPathComponent("requirements.lock"), encoding: .utf8)
            == "# locked by the stand-in\npandas==2.1.4 \\\n    --hash=sha256:0000\n")
        // uv read the project's requirements.txt and was asked for the interpreter's Python and the image's platform.
        let requirements = try String(contentsOf: out.appendingPathComponent("requirements.txt"), encoding: .utf8)
        #expect(try String(contentsOf: root.appendingPathComponent("uv.stdin"), encoding: .utf8) == requirements)
        let arguments = try String(contentsOf: root.appendingPathComponent("uv.args"), encoding: .utf8).split(separator: "\n").map(String.init)
        let version = try TestPython.run(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(arguments.starts(with: ["pip", "compile", "-", "--generate-hashes", "--python-version", version,
                                        "--python-platform", "x86_64-manylinux_2_28", "--only-binary", ":all:"]), "\(arguments)")
    }

    /// On a terminal (util-linux `script` gives the child one) the slow step says what it does.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func saysItIsLockingOnATerminal() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-lock")
        defer { try? FileManager.default.removeItem(at: root) }
        let uv = try Self.fakeUV(in: root)
        let out = root.appendingPathComponent("out")
        let command = [PackagePaths.binary.path, "convert", Self.demo, "-o", out.path, "--python", TestPython.interpreter, "--lock"]
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try ProcessRunner.run(["/usr/bin/script", "-qec", command, "/dev/null"],
                                           environment: ["NO_COLOR": "1", "NBSHIP_UV": uv.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("locking requirements with uv…"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("requirements.lock").path))
    }

    @Test func aFailedLockIsLocatedInRequirementsTxtAndWritesNothing() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-lock")
        defer { try? FileManager.default.removeItem(at: root) }
        let uv = try Self.fakeUV(in: root, fails: true)
        let out = root.appendingPathComponent("out")
        let result = try NBShip.run(["convert", Self.demo, "-o", out.path, "--python", TestPython.interpreter, "--lock"],
                                    environment: ["NO_COLOR": "1", "NBSHIP_UV": uv.path])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The line of requirements.txt that pins scikit-learn, from the same conversion without --lock.
        let unlocked = root.appendingPathComponent("unlocked")
        #expect(try NBShip.run(["convert", Self.demo, "-o", unlocked.path, "--python", TestPython.interpreter]).status == 0)
        let lines = try String(contentsOf: unlocked.appendingPathComponent("requirements.txt"), encoding: .utf8).split(separator: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("scikit-learn==") }) + 1
        let version = try #require(lines.first?.split(separator: " ").first { $0.hasSuffix(":") }?.dropLast())
        #expect(result.stderr.contains(
            "requirements.txt:\(line):1: error: 'scikit-learn' has no wheel for python \(version) on x86_64-manylinux_2_28, so the requirements cannot be locked [requirements.lock-unsatisfiable]\n"),
            "\(result.stderr)")
    }

    @Test func aMissingUVIsNamed() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-lock")
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("nowhere/uv").path
        let out = root.appendingPathComponent("out")
        let result = try NBShip.run(["convert", Self.demo, "-o", out.path, "--python", TestPython.interpreter, "--lock"],
                                    environment: ["NO_COLOR": "1", "NBSHIP_UV": missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: '\(missing)' not found: --lock runs uv pip compile [requirements.uv-not-found]\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
