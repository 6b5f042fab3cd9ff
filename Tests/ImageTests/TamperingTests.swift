import Foundation
import Testing
@testable import Image

/// `inspect --verify` catches a flipped byte in a layer blob and a wrong diff_id.
@Suite struct TamperingTests {
    @Test func flippedByteInALayerBlobIsCaught() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var build = try await Support.buildFixture(output: work + "/good.tar", work: work)
        let layer = try #require(build.layers.last).descriptor
        guard case .file(let path, let size) = build.layout.blobs[layer.digest] else { throw CancellationError() }
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: work + "/tampered-blob"))
        build.layout.blobs[layer.digest] = .file(path: work + "/tampered-blob", size: size)
        try ImageArchiveWriter(modificationTime: 0).write(build.layout, to: work + "/bad.tar")

        #expect(try ImageInspector(workDirectory: work).inspect(work + "/good.tar", verify: true).problems.isEmpty)
        let report = try ImageInspector(workDirectory: work).inspect(work + "/bad.tar", verify: true)
        #expect(report.problems.map(\.id).contains("image.digest-mismatch"))
        // Without --verify nothing is re-hashed (a corrupt tar is still noticed while counting files).
        #expect(try !ImageInspector(workDirectory: work).inspect(work + "/bad.tar", verify: false).problems.map(\.id).contains("image.digest-mismatch"))

        if let binary = Support.binary {
            let result = try Support.run([binary, "inspect", "--verify", work + "/bad.tar"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("[image.digest-mismatch]"))
            let good = try Support.run([binary, "inspect", "--verify", work + "/good.tar"])
            #expect(good.status == 0)
            #expect(good.stdout.hasSuffix("verified: ok\n"))
        }
    }

    @Test func wrongDiffIDInTheConfigIsCaught() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try await Support.buildFixture(output: work + "/good.tar", work: work)
        guard case .bytes(let manifestBytes) = build.layout.blobs[build.manifestDigest] else { throw CancellationError() }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(manifestBytes))
        guard case .bytes(let configBytes) = build.layout.blobs[manifest.config.digest] else { throw CancellationError() }
        var config = try JSONDecoder().decode(JSONValue.self, from: Data(configBytes))
        var rootfs = try #require(config["rootfs"])
        var diffIDs = try #require(rootfs["diff_ids"]?.arrayValue)
        diffIDs[diffIDs.count - 1] = .string(Digest.of(Array("not the layer".utf8)).description)
        rootfs["diff_ids"] = .array(diffIDs)
        config["rootfs"] = rootfs
        // Everything else is consistent: the config and manifest digests are recomputed.
        let layers: [(Descriptor, String)] = try manifest.layers.map { descriptor in
            guard case .file(let path, _) = build.layout.blobs[descriptor.digest] else { throw CancellationError() }
            return (descriptor, path)
        }
        let forged = try ImageAssembler.assemble(config: config, layers: layers, name: "irisdemo", tag: "1.0", baseDigest: nil, roles: ["artifacts", "application"])
        try ImageArchiveWriter(modificationTime: 0).write(forged.layout, to: work + "/bad.tar")
        let report = try ImageInspector(workDirectory: work).inspect(work + "/bad.tar", verify: true)
        #expect(report.problems.map(\.id) == ["image.diff-id-mismatch"])
    }
}
