import Foundation
import TestSupport
import Testing

/// `nbship build` then `nbship inspect` on the fixture, compared with a golden file: the
/// digests are fixed by the inputs, so any change to layer, config or archive bytes shows
/// here. Re-record on purpose with `NBSHIP_RECORD_GOLDEN=1`.
@Suite struct InspectGoldenTests {
    /// The golden file for `--compression` (gzip: the default, no option given).
    static func golden(_ compression: String) -> String {
        Support.packageRoot + (compression == "gzip" ? "/fixtures/image/irisdemo.inspect.txt" : "/fixtures/image/irisdemo.\(compression).inspect.txt")
    }

    @Test(.enabled(if: Support.binary != nil), arguments: ["gzip", "zstd"])
    func inspectTextMatchesTheGoldenFile(compression: String) throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let option = compression == "gzip" ? [] : ["--compression", compression]
        let build = try Support.run([binary, "build", Support.fixture, "-o", work + "/image.tar", "--tag", "irisdemo:1.0", "--epoch", "0"] + option)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty)
        let inspect = try Support.run([binary, "inspect", "--verify", work + "/image.tar"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let expected = try GoldenFile(URL(fileURLWithPath: Self.golden(compression))).expected(for: inspect.stdout)
        #expect(expected.components(separatedBy: "  compression: \(compression) (").count == 3)
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
