import Foundation
import Testing
import TestSupport

/// Bad input to the registry commands: exit 2 and a message, nothing written, no network.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PackagePaths.binary.path), "needs a built nbship"))
struct RegistryCLITests {
    @Test(arguments: [
        (["push", "x.tar", "Bad Ref"], "Error: target: invalid image reference 'Bad Ref'"),
        (["pull", "app:1", "-o", "x.tar", "--platform", "linux"], "Error: --platform must be OS/ARCH[/VARIANT], not 'linux'"),
        (["pull", "app@sha256:12", "-o", "x.tar"], "Error: reference: invalid image reference 'app@sha256:12': 'sha256:12' is not a sha256 digest"),
        (["push", "x.tar", "127.0.0.1:1/a:1", "--retries", "0"], "Error: --retries must be at least 1"),
        (["build", "p", "-o", "x.tar", "--tag", "a:1", "--base", "docker://UPPER/case"], "Error: --base: invalid image reference"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try NBShip.run(arguments, in: URL(fileURLWithPath: work))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty)
    }

    @Test func missingArchiveAndMissingCredentialsFileAreBadInput() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let missing = try NBShip.run(["push", work + "/none.tar", "127.0.0.1:1/a:1", "--cache-dir", work + "/cache"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(work)/none.tar:1:1: error: image archive not found [registry.bad-image]\n")
        let archive = work + "/empty.tar"
        #expect(try ProcessRunner.run(["/usr/bin/tar", "-cf", archive, "--files-from", "/dev/null"]).status == 0)
        let creds = try NBShip.run(["push", archive, "127.0.0.1:1/a:1", "--creds-file", work + "/nope.json", "--cache-dir", work + "/cache"])
        #expect(creds.status == 2)
        #expect(creds.stderr.contains("\(work)/nope.json:1:1: error: credentials file not found [registry.bad-credentials-file]"), "\(creds.stderr)")
    }
}
