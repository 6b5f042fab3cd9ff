import Foundation
import TestSupport
import Testing

/// `nbship build` then `nbship inspect` on the fixture, compared with a golden file: the
/// digests are fixed by the inputs, so any change to layer, config or archive bytes shows
/// here. Re-record on purpose with `NBSHIP_RECORD_GOLDEN=1`.
@Suite struct InspectGoldenTests {
    static let golden = Support.packageRoot + "/fixtures/image/irisdemo.inspect.txt"

    @Test(.enabled(if: Support.binary != nil))
    func inspectTextMatchesTheGoldenFile() throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try Support.run([binary, "build", Support.fixture, "-o", work + "/image.tar", "--tag", "irisdemo:1.0", "--epoch", "0"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty)
        let inspect = try Support.run([binary, "inspect", "--verify", work + "/image.tar"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let expected = try GoldenFile(URL(fileURLWithPath: Self.golden)).expected(for: inspect.stdout)
        #expect(inspect.stdout == expected)
        #expect(expected.contains("manifest: " + build.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"))
    }

    @Test(.enabled(if: Support.binary != nil))
    func usageAndInputErrorsHaveTheirExitCodes() throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let noSources = try Support.run([binary, "build", work, "-o", work + "/x.tar", "--tag", "a:1"])
        #expect(noSources.status == 2)
        #expect(noSources.stderr == "\(work):1:1: error: the project has no src/ directory [image.no-sources]\n  note: run nbship convert first, or point build at the converted project\n")
        let missingBase = try Support.run([binary, "build", Support.fixture, "-o", work + "/x.tar", "--tag", "a:1", "--base", "oci-archive:\(work)/none.tar"])
        #expect(missingBase.status == 2)
        #expect(missingBase.stderr.hasSuffix("error: base image archive not found [image.base-not-found]\n"))
        #expect(!FileManager.default.fileExists(atPath: work + "/x.tar"))
        let notAnImage = try Support.run([binary, "inspect", work + "/none.tar"])
        #expect(notAnImage.status == 2)
    }
}
