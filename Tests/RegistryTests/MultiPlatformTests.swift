import Foundation
import Image
import Testing
import TestSupport

/// An image index (two platforms) pushed by nbship and resolved by `pull --platform`; two
/// pulls sharing one cache at once.
@Suite(.enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct MultiPlatformTests {
    /// Turns nbship's single-platform archive into an archive whose index.json points at an
    /// image index listing the amd64 manifest and an arm64 twin (same layers, its own config).
    private func makeIndexArchive(from archive: String, in work: String) throws -> (archive: String, index: String, amd64: String, arm64: String) {
        let layout = work + "/layout"
        try FileManager.default.createDirectory(atPath: layout, withIntermediateDirectories: true)
        let untar = try ProcessRunner.run(["/usr/bin/tar", "-xf", archive, "-C", layout])
        try #require(untar.status == 0, "\(untar.stderr)")
        func read(_ digest: String) throws -> Data {
            try Data(contentsOf: URL(fileURLWithPath: layout + "/blobs/sha256/" + digest.dropFirst("sha256:".count)))
        }
        func store(_ data: Data) throws -> Descriptor {
            let digest = Digest.of([UInt8](data))
            try data.write(to: URL(fileURLWithPath: layout + "/" + digest.blobPath))
            return Descriptor(mediaType: "", digest: digest, size: Int64(data.count))
        }
        let index = try JSONDecoder().decode(ImageIndex.self, from: Data(contentsOf: URL(fileURLWithPath: layout + "/index.json")))
        var amd64 = try #require(index.manifests.first)
        var manifest = try JSONDecoder().decode(Manifest.self, from: try read(amd64.digest.description))
        var config = try #require(try JSONSerialization.jsonObject(with: try read(manifest.config.digest.description)) as? [String: Any])
        config["architecture"] = "arm64"
        var configDescriptor = try store(try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]))
        configDescriptor.mediaType = manifest.config.mediaType
        manifest.config = configDescriptor
        var arm64 = try store(try JSONEncoder().encode(manifest))
        arm64.mediaType = MediaType.imageManifest
        arm64.platform = Platform(architecture: "arm64", os: "linux", variant: "v8")
        amd64.annotations = nil
        amd64.platform = Platform(architecture: "amd64", os: "linux")
        var top = try store(try JSONEncoder().encode(ImageIndex(manifests: [amd64, arm64])))
        top.mediaType = MediaType.imageIndex
        top.annotations = [ImageIndex.refNameAnnotation: "1"]
        try JSONEncoder().encode(ImageIndex(manifests: [top])).write(to: URL(fileURLWithPath: layout + "/index.json"))
        try? FileManager.default.removeItem(atPath: layout + "/manifest.json")
        let output = work + "/multi.tar"
        let entries = ["index.json", "blobs"] + (FileManager.default.fileExists(atPath: layout + "/oci-layout") ? ["oci-layout"] : [])
        let tar = try ProcessRunner.run(["/usr/bin/tar", "-cf", output, "-C", layout] + entries)
        try #require(tar.status == 0, "\(tar.stderr)")
        return (output, top.digest.description, amd64.digest.description, arm64.digest.description)
    }

    @Test func indexIsPushedAfterItsManifestsAndPullResolvesThePlatform() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project")
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let (archive, index, amd64, arm64) = try makeIndexArchive(from: work + "/app.tar", in: work)
        let target = "\(registry.address)/multi/app:1"

        let push = try RegistrySupport.nbship(["push", archive, target, "--cache-dir", work + "/cache"])
        try #require(push.status == 0, "\(push.stderr)")
        #expect(push.stdout == index + "\n")
        let raw = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "--raw", "docker://\(target)"])
        #expect("sha256:" + sha256Hex(raw.stdoutData) == index)
        let skopeoArm = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "--override-arch", "arm64", "--override-variant", "v8",
                                                    "docker://\(target)"])
        #expect(raw.stdout.contains(arm64) && raw.stdout.contains(amd64))
        let armObject = try #require(try JSONSerialization.jsonObject(with: skopeoArm.stdoutData) as? [String: Any], "\(skopeoArm.stderr)")
        #expect(armObject["Architecture"] as? String == "arm64")

        let arm = try RegistrySupport.nbship(["pull", target, "--platform", "linux/arm64/v8", "-o", work + "/arm.tar", "--cache-dir", work + "/pull"])
        try #require(arm.status == 0, "\(arm.stderr)")
        #expect(arm.stdout == "\(target)@\(index)\n")
        #expect(try RegistrySupport.inspectedDigest(work + "/arm.tar") == arm64)
        #expect(try RegistrySupport.nbship(["inspect", work + "/arm.tar"]).stdout.contains("platform: linux/arm64\n"))

        let standard = try RegistrySupport.nbship(["pull", target, "-o", work + "/amd.tar", "--cache-dir", work + "/pull"])
        try #require(standard.status == 0, "\(standard.stderr)")
        #expect(try RegistrySupport.inspectedDigest(work + "/amd.tar") == amd64)

        let missing = try RegistrySupport.nbship(["pull", target, "--platform", "linux/s390x", "-o", work + "/s.tar", "--cache-dir", work + "/pull"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("has no image for linux/s390x [registry.no-platform]"), "\(missing.stderr)")
        #expect(missing.stderr.contains("platforms offered: linux/amd64, linux/arm64/v8"))
    }

    @Test func twoPullsIntoOneCacheAtOnceBothSucceed() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 4 << 20)
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let target = "\(registry.address)/team/app:1"
        try #require(try RegistrySupport.nbship(["push", work + "/app.tar", target, "--cache-dir", work + "/cache"]).status == 0)

        let processes = (0..<2).map { number -> Process in
            let process = Process()
            process.executableURL = PackagePaths.binary
            process.arguments = ["pull", target, "-o", work + "/pulled-\(number).tar", "--cache-dir", work + "/shared"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let expected = try RegistrySupport.inspectedDigest(work + "/app.tar")
        for number in 0..<2 {
            #expect(try RegistrySupport.inspectedDigest(work + "/pulled-\(number).tar") == expected)
            #expect(try RegistrySupport.nbship(["inspect", work + "/pulled-\(number).tar", "--verify"]).status == 0)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work + "/shared/blobs").filter { $0.hasPrefix("tmp-") }
        #expect(leftovers.isEmpty)
    }
}
