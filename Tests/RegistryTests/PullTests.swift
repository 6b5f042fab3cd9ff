import Foundation
import Testing
import TestSupport

/// `nbship pull` and `nbship build --base docker://…` against a real registry that skopeo filled.
@Suite(.enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct PullTests {
    /// A registry holding a base image (built by nbship, pushed by skopeo) at `base/app:1`.
    private func registryWithSkopeoBase(_ work: String) throws -> (RegistryServer, String) {
        let registry = try RegistryServer()
        try RegistrySupport.makeProject(at: work + "/base-project", code: "BASE = 1\n", dataBytes: 1 << 20, seed: 7)
        let built = try RegistrySupport.build(work + "/base-project", output: work + "/base.tar", cache: work + "/base-cache")
        try #require(built.status == 0, "\(built.stderr)")
        let copy = try RegistrySupport.skopeo(["copy", "--dest-tls-verify=false", "oci-archive:\(work)/base.tar",
                                               "docker://\(registry.address)/base/app:1"])
        try #require(copy.status == 0, "\(copy.stderr)")
        return (registry, try RegistrySupport.inspectedDigest(work + "/base.tar"))
    }

    @Test func pullWritesAnArchiveWithTheSameDigestsAndBuildsOnIt() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (registry, baseDigest) = try registryWithSkopeoBase(work)
        defer { registry.destroy() }

        let pull = try RegistrySupport.nbship(["pull", "\(registry.address)/base/app:1", "-o", work + "/pulled.tar", "--cache-dir", work + "/cache"])
        try #require(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stdout == "\(registry.address)/base/app:1@\(baseDigest)\n")
        #expect(try RegistrySupport.inspectedDigest(work + "/pulled.tar") == baseDigest)
        #expect(try RegistrySupport.nbship(["inspect", work + "/pulled.tar", "--verify"]).status == 0)
        let skopeoRead = try RegistrySupport.skopeo(["inspect", "oci-archive:\(work)/pulled.tar"])
        #expect(skopeoRead.status == 0, "\(skopeoRead.stderr)")

        try RegistrySupport.makeProject(at: work + "/project", code: "APP = 1\n")
        let build = try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache",
                                              base: "docker://\(registry.address)/base/app:1")
        try #require(build.status == 0, "\(build.stderr)")
        let (baseLayers, _) = try RegistrySupport.layers(work + "/base.tar")
        let (layers, _) = try RegistrySupport.layers(work + "/app.tar")
        #expect(Array(layers.prefix(baseLayers.count)) == baseLayers)
        #expect(layers.count == baseLayers.count + 1)
        let pyproject = try String(contentsOfFile: work + "/project/pyproject.toml", encoding: .utf8)
        #expect(pyproject.hasSuffix("\n[tool.nbship]\nbase = \"\(registry.address)/base/app:1@\(baseDigest)\"\n"))
        #expect(build.stderr.contains("pinned the base"))
    }

    @Test func pinnedDigestIsReusedUntilUpdateBase() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (registry, firstDigest) = try registryWithSkopeoBase(work)
        defer { registry.destroy() }
        let base = "docker://\(registry.address)/base/app:1"
        try RegistrySupport.makeProject(at: work + "/project")
        let first = try RegistrySupport.build(work + "/project", output: work + "/one.tar", cache: work + "/cache", base: base)
        try #require(first.status == 0, "\(first.stderr)")

        // Move the tag to another image.
        try RegistrySupport.makeProject(at: work + "/base2", code: "BASE = 2\n")
        try #require(try RegistrySupport.build(work + "/base2", output: work + "/base2.tar", cache: work + "/base-cache").status == 0)
        let secondDigest = try RegistrySupport.inspectedDigest(work + "/base2.tar")
        try #require(try RegistrySupport.skopeo(["copy", "--dest-tls-verify=false", "oci-archive:\(work)/base2.tar", "docker://\(registry.address)/base/app:1"]).status == 0)

        let again = try RegistrySupport.build(work + "/project", output: work + "/two.tar", cache: work + "/cache", base: base)
        try #require(again.status == 0, "\(again.stderr)")
        // The pin was written before the first build, so the image is the same one.
        #expect(try RegistrySupport.inspectedDigest(work + "/two.tar") == RegistrySupport.inspectedDigest(work + "/one.tar"))
        let (firstBaseLayers, _) = try RegistrySupport.layers(work + "/base.tar")
        let (movedBaseLayers, _) = try RegistrySupport.layers(work + "/base2.tar")
        #expect(Array(try RegistrySupport.layers(work + "/two.tar").layers.prefix(firstBaseLayers.count)) == firstBaseLayers)
        #expect(!again.stderr.contains("pinned the base"))

        let updated = try RegistrySupport.build(work + "/project", output: work + "/three.tar", cache: work + "/cache", base: base,
                                                extra: ["--update-base"])
        try #require(updated.status == 0, "\(updated.stderr)")
        let pyproject = try String(contentsOfFile: work + "/project/pyproject.toml", encoding: .utf8)
        #expect(pyproject.contains("@\(secondDigest)\""))
        #expect(!pyproject.contains(firstDigest))
        #expect(Array(try RegistrySupport.layers(work + "/three.tar").layers.prefix(movedBaseLayers.count)) == movedBaseLayers)
        #expect(firstBaseLayers != movedBaseLayers)
    }

    @Test func corruptedBlobIsRejectedAndNeverCached() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (registry, _) = try registryWithSkopeoBase(work)
        defer { registry.destroy() }
        let (layers, _) = try RegistrySupport.layers(work + "/base.tar")
        let victim = try #require(layers.first)
        let hex = String(victim.dropFirst("sha256:".count))
        let stored = "\(registry.storage)/docker/registry/v2/blobs/sha256/\(hex.prefix(2))/\(hex)/data"
        let handle = try #require(FileHandle(forUpdatingAtPath: stored))
        try handle.seek(toOffset: 1000)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 1000)
        try handle.write(contentsOf: Data([byte ^ 0xFF]))
        try handle.close()

        let pull = try RegistrySupport.nbship(["pull", "\(registry.address)/base/app:1", "-o", work + "/pulled.tar",
                                               "--cache-dir", work + "/cache", "--retries", "1"])
        #expect(pull.status == 1)
        #expect(pull.stderr.contains("[registry.digest-mismatch]"), "\(pull.stderr)")
        #expect(pull.stderr.contains(victim))
        #expect(!FileManager.default.fileExists(atPath: work + "/cache/blobs/sha256/\(hex)"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work + "/cache/blobs").filter { $0.hasPrefix("tmp-") }
        #expect(leftovers.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work + "/pulled.tar"))
    }

    @Test func unknownTagIsBadInput() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        let pull = try RegistrySupport.nbship(["pull", "\(registry.address)/nothing/here:9", "-o", work + "/x.tar", "--cache-dir", work + "/cache"])
        #expect(pull.status == 2)
        #expect(pull.stderr.hasPrefix("error: \(registry.address)/nothing/here has no manifest '9'"), "\(pull.stderr)")
        #expect(pull.stderr.contains("[registry.not-found]"))
    }
}
