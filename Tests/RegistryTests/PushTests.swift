import Foundation
import Testing
import TestSupport

/// `nbship push` against a real registry on 127.0.0.1, read back by skopeo.
@Suite(.enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct PushTests {
    @Test func anonymousHTTPPushReadsBackInSkopeoWithTheSameDigests() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 3 << 20)
        let built = try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache")
        try #require(built.status == 0, "\(built.stderr)")
        let inspected = try RegistrySupport.inspectedDigest(work + "/app.tar")

        let target = "\(registry.address)/team/app:1.0"
        let push = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--cache-dir", work + "/cache",
                                               "--chunk-size", "1048576"])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout == inspected + "\n")
        #expect(push.stderr.hasPrefix("pushed 3 blobs (3 uploaded)"), "\(push.stderr)")

        let skopeoInspect = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "docker://\(target)"])
        try #require(skopeoInspect.status == 0, "\(skopeoInspect.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: skopeoInspect.stdoutData) as? [String: Any])
        #expect(object["Digest"] as? String == inspected)
        let (layers, config) = try RegistrySupport.layers(work + "/app.tar")
        #expect(object["Layers"] as? [String] == layers)
        let rawConfig = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "--raw", "--config", "docker://\(target)"])
        #expect("sha256:" + sha256Hex(rawConfig.stdoutData) == config)

        let copy = try RegistrySupport.skopeo(["copy", "--src-tls-verify=false", "docker://\(target)", "oci-archive:\(work)/copy.tar"])
        try #require(copy.status == 0, "\(copy.stderr)")
        #expect(try RegistrySupport.inspectedDigest(work + "/copy.tar") == inspected)
        let verify = try RegistrySupport.nbship(["inspect", work + "/copy.tar", "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")

        // skopeo's archive is read in place too; a gzip-compressed one is unpacked first.
        let fromSkopeo = try RegistrySupport.nbship(["push", work + "/copy.tar", "\(registry.address)/skopeo/app:1",
                                                     "--cache-dir", work + "/other-cache", "--format", "json"])
        #expect(fromSkopeo.status == 0, "\(fromSkopeo.stderr)")
        #expect(try RegistrySupport.pushReport(fromSkopeo)["manifestDigest"] as? String == inspected)
        let gzip = try ProcessRunner.run(["/bin/sh", "-c", "gzip -c '\(work)/app.tar' > '\(work)/app.tar.gz'"])
        try #require(gzip.status == 0)
        let compressed = try RegistrySupport.nbship(["push", work + "/app.tar.gz", "\(registry.address)/gzip/app:1",
                                                     "--cache-dir", work + "/gzip-cache"])
        #expect(compressed.status == 0, "\(compressed.stderr)")
        #expect(compressed.stdout == inspected + "\n")
    }

    @Test func secondPushFindsEveryBlobAndAnotherRepositoryMountsThem() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 1 << 20)
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let cache = ["--cache-dir", work + "/cache", "--format", "json"]
        let first = try RegistrySupport.nbship(["push", work + "/app.tar", "\(registry.address)/one/app:1"] + cache)
        try #require(first.status == 0, "\(first.stderr)")
        let firstReport = try RegistrySupport.pushReport(first)
        #expect(Set(RegistrySupport.outcomes(firstReport).values) == ["uploaded"])
        #expect((firstReport["bytesUploaded"] as? Int ?? 0) > 1 << 20)

        let again = try RegistrySupport.pushReport(try RegistrySupport.nbship(["push", work + "/app.tar", "\(registry.address)/one/app:1"] + cache))
        #expect(Set(RegistrySupport.outcomes(again).values) == ["present"])
        #expect(again["bytesUploaded"] as? Int == 0)
        #expect(again["manifestDigest"] as? String == firstReport["manifestDigest"] as? String)

        let other = try RegistrySupport.nbship(["push", work + "/app.tar", "\(registry.address)/two/app:1"] + cache)
        try #require(other.status == 0, "\(other.stderr)")
        let mounted = try RegistrySupport.pushReport(other)
        #expect(Set(RegistrySupport.outcomes(mounted).values) == ["mounted"])
        #expect(mounted["bytesUploaded"] as? Int == 0)
        let check = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "docker://\(registry.address)/two/app:1"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func codeOnlyChangeUploadsOnlyTheApplicationLayerAndConfig() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        let project = work + "/project"
        try RegistrySupport.makeProject(at: project, dataBytes: 2 << 20)
        try #require(try RegistrySupport.build(project, output: work + "/v1.tar", cache: work + "/cache").status == 0)
        let target = "\(registry.address)/team/app:1"
        let args = ["--cache-dir", work + "/cache", "--format", "json"]
        try #require(try RegistrySupport.nbship(["push", work + "/v1.tar", target] + args).status == 0)

        try Data("VERSION = 2\n".utf8).write(to: URL(fileURLWithPath: project + "/src/app/__init__.py"))
        try #require(try RegistrySupport.build(project, output: work + "/v2.tar", cache: work + "/cache").status == 0)
        let (oldLayers, _) = try RegistrySupport.layers(work + "/v1.tar")
        let (newLayers, newConfig) = try RegistrySupport.layers(work + "/v2.tar")
        let changed = Set(newLayers).subtracting(oldLayers)
        #expect(changed.count == 1)
        let second = try RegistrySupport.nbship(["push", work + "/v2.tar", target] + args)
        try #require(second.status == 0, "\(second.stderr)")
        let report = try RegistrySupport.pushReport(second)
        let outcomes = RegistrySupport.outcomes(report)
        let uploaded = Set(outcomes.filter { $0.value == "uploaded" }.keys)
        #expect(uploaded == changed.union([newConfig]))
        let blobs = report["blobs"] as? [[String: Any]] ?? []
        let uploadedBytes = blobs.filter { $0["outcome"] as? String == "uploaded" }.compactMap { $0["size"] as? Int }.reduce(0, +)
        #expect(report["bytesUploaded"] as? Int == uploadedBytes)
        #expect(uploadedBytes < 64 << 10)
    }
}

func sha256Hex(_ data: Data) -> String {
    let result = try? ProcessRunner.run(["/usr/bin/sha256sum"], input: .data(data))
    return String(result?.stdout.prefix(64) ?? "")
}

@Suite(.enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct BuildPushTests {
    @Test func buildWithPushPublishesTheBuiltDigest() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project")
        let target = "\(registry.address)/built/app:1.0"
        let build = try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache", extra: ["--push", target])
        try #require(build.status == 0, "\(build.stderr)")
        let digest = try RegistrySupport.inspectedDigest(work + "/app.tar")
        #expect(build.stdout == "\(digest)\n\(digest)\n")
        let inspect = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "docker://\(target)"])
        let object = try #require(try JSONSerialization.jsonObject(with: inspect.stdoutData) as? [String: Any])
        #expect(object["Digest"] as? String == digest)

        let badTarget = try RegistrySupport.build(work + "/project", output: work + "/app2.tar", cache: work + "/cache",
                                                  extra: ["--push", "Not A Ref"])
        #expect(badTarget.status == 2)
        #expect(!FileManager.default.fileExists(atPath: work + "/app2.tar"))
    }
}

@Suite(.enabled(if: RegistrySupport.enabled && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                "needs docker-registry, skopeo, script and a built nbship"))
struct PushProgressTests {
    @Test func aTerminalGetsALinePerBlobAndOtherwiseOneSummary() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 1 << 20)
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let (layers, config) = try RegistrySupport.layers(work + "/app.tar")
        let command = [PackagePaths.binary.path, "push", work + "/app.tar", "\(registry.address)/tty/app:1", "--cache-dir", work + "/cache"]
            .map { "'\($0)'" }.joined(separator: " ")
        // script(1) gives the command a pseudo-terminal for stdout and stderr.
        let tty = try ProcessRunner.run(["/usr/bin/script", "-qec", command, "/dev/null"])
        #expect(tty.status == 0, "\(tty.stdout)")
        let lines = tty.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
        for digest in layers + [config] {
            #expect(lines.contains { $0.hasPrefix(String(digest.prefix(19))) && $0.contains("uploaded") }, "\(lines)")
        }
        #expect(lines.contains { $0.contains("MB/s") })
        #expect(!lines.contains { $0.hasPrefix("pushed ") })
        let piped = try RegistrySupport.nbship(["push", work + "/app.tar", "\(registry.address)/tty/app:1", "--cache-dir", work + "/cache"])
        #expect(piped.stderr.split(separator: "\n").count == 1)
        #expect(piped.stderr.hasPrefix("pushed 3 blobs (3 present), 0 B transferred in "))
    }
}
