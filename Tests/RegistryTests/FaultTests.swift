import Foundation
import Testing
import TestSupport

/// Failures: a registry killed mid-upload, bad credentials over TLS, unreachable hosts, throttling.
@Suite(.serialized, .enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct FaultTests {
    @Test func basicAuthOverTLSWithTheTestCAAndWrongPasswordsNeverShown() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let secret = "pw-Zq81-secret"
        let registry = try RegistryServer(tls: true, users: ["alice": secret])
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project")
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let digest = try RegistrySupport.inspectedDigest(work + "/app.tar")
        func credsFile(_ password: String) throws -> String {
            let path = work + "/auth-\(password.count).json"
            let auth = Data("alice:\(password)".utf8).base64EncodedString()
            try Data(#"{"auths": {"\#(registry.address)": {"auth": "\#(auth)"}}}"#.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let target = "\(registry.address)/secure/app:1"
        let common = ["--cache-dir", work + "/cache", "--retries", "2"]

        let good = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--creds-file", try credsFile(secret),
                                               "--ca-cert", registry.caCertificate] + common)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == digest + "\n")
        let skopeoRead = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "--creds", "alice:\(secret)", "docker://\(target)"])
        #expect(skopeoRead.stdout.contains(digest))

        let wrongPassword = "wrong-Pw-77x"
        let wrong = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--creds-file", try credsFile(wrongPassword),
                                                "--ca-cert", registry.caCertificate] + common)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("[registry.auth-failed]"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("user 'alice'"))
        for text in [wrong.stdout, wrong.stderr, good.stdout, good.stderr] {
            #expect(!text.contains(wrongPassword) && !text.contains(secret))
            #expect(!text.contains(Data("alice:\(wrongPassword)".utf8).base64EncodedString()))
        }
        let cacheFiles = FileManager.default.enumerator(atPath: work + "/cache")?.allObjects.compactMap { $0 as? String } ?? []
        for file in cacheFiles {
            let contents = FileManager.default.contents(atPath: work + "/cache/" + file) ?? Data()
            #expect(!String(decoding: contents, as: UTF8.self).contains(secret))
        }

        let anonymous = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--ca-cert", registry.caCertificate] + common,
                                                   environment: ["HOME": work, "DOCKER_CONFIG": work + "/none", "REGISTRY_AUTH_FILE": ""])
        #expect(anonymous.status == 2)
        #expect(anonymous.stderr.contains("[registry.auth-required]"), "\(anonymous.stderr)")

        let untrusted = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--creds-file", try credsFile(secret)] + common)
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("[registry.tls-failed]"), "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("--ca-cert"))
    }

    @Test func registryKilledMidUploadLeavesNoTagAndTheRetriedPushSkipsWhatArrived() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 24 << 20)
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let target = "\(registry.address)/team/app:1"

        let process = Process()
        process.executableURL = PackagePaths.binary
        process.arguments = ["push", work + "/app.tar", target, "--cache-dir", work + "/cache", "--chunk-size", "262144", "--retries", "2"]
        let errURL = URL(fileURLWithPath: work + "/push.err")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let uploads = registry.storage + "/docker/registry/v2/repositories/team/app/_uploads"
        let deadline = Date().addingTimeInterval(60)
        var killed = false
        while Date() < deadline, process.isRunning, !killed {
            for upload in (try? FileManager.default.contentsOfDirectory(atPath: uploads)) ?? [] {
                let size = (try? FileManager.default.attributesOfItem(atPath: "\(uploads)/\(upload)/data"))?[.size] as? NSNumber
                if (size?.intValue ?? 0) > 2 << 20 {
                    registry.stop(kill: true)
                    killed = true
                }
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try #require(killed, "the push finished before the registry could be killed")
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("error: cannot reach \(registry.address)"), "\(stderr)")
        #expect(stderr.contains("[registry.unreachable]"))

        try registry.start()
        let tag = try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "docker://\(target)"])
        #expect(tag.status != 0)
        let again = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--cache-dir", work + "/cache", "--format", "json"])
        try #require(again.status == 0, "\(again.stderr)")
        let report = try RegistrySupport.pushReport(again)
        let outcomes = RegistrySupport.outcomes(report)
        let (layers, config) = try RegistrySupport.layers(work + "/app.tar")
        let big = try #require(layers.first)
        #expect(outcomes[big] == "uploaded")
        #expect(outcomes[config] == "present")
        #expect(report["manifestDigest"] as? String == (try RegistrySupport.inspectedDigest(work + "/app.tar")))
        #expect(try RegistrySupport.skopeo(["inspect", "--tls-verify=false", "docker://\(target)"]).status == 0)
    }

    @Test func unreachableRegistryFailsAfterBoundedRetries() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try RegistrySupport.makeProject(at: work + "/project")
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        let port = try RegistryServer.freePort()
        let push = try RegistrySupport.nbship(["push", work + "/app.tar", "127.0.0.1:\(port)/a/b:1", "--cache-dir", work + "/cache", "--retries", "3"])
        #expect(push.status == 1)
        #expect(push.stderr.hasPrefix("error: cannot reach 127.0.0.1:\(port): "), "\(push.stderr)")
        #expect(push.stderr.contains("gave up after 3 tries"))
        #expect(push.stdout.isEmpty)
    }

    @Test func throttledUploadsWaitForRetryAfterThenSucceedOrGiveUp() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let registry = try RegistryServer()
        defer { registry.destroy() }
        try RegistrySupport.makeProject(at: work + "/project")
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)

        func proxy(throttle: Int, log: String, mode: String = "throttle") throws -> (Process, Int) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            let script = PackagePaths.root.path + "/Tests/RegistryTests/throttle_proxy.py"
            process.arguments = ["python3", script, "\(registry.port)", "\(throttle)", "1", log, log + ".port", mode]
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: log + ".port", encoding: .utf8), let port = Int(text) { return (process, port) }
                usleep(20_000)
            }
            process.terminate()
            throw ServerError("the throttling proxy did not start")
        }

        let (patient, patientPort) = try proxy(throttle: 2, log: work + "/patient.log")
        defer { patient.terminate() }
        let push = try RegistrySupport.nbship(["push", work + "/app.tar", "127.0.0.1:\(patientPort)/team/app:1", "--cache-dir", work + "/cache"])
        #expect(push.status == 0, "\(push.stderr)")
        let entries = try String(contentsOfFile: work + "/patient.log", encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let throttled = entries.filter { $0["status"] as? Int == 429 }
        #expect(throttled.count == 2)
        if let last429 = throttled.last?["t"] as? Double,
           let next = entries.first(where: { ($0["t"] as? Double ?? 0) > last429 && $0["method"] as? String == "POST" })?["t"] as? Double {
            #expect(next - last429 >= 0.9)
        } else {
            Issue.record("no retry after the 429s")
        }

        let (stubborn, stubbornPort) = try proxy(throttle: 1000, log: work + "/stubborn.log")
        defer { stubborn.terminate() }
        let givesUp = try RegistrySupport.nbship(["push", work + "/app.tar", "127.0.0.1:\(stubbornPort)/team/other:1",
                                                  "--cache-dir", work + "/cache", "--retries", "2"])
        #expect(givesUp.status == 1)
        #expect(givesUp.stderr.contains("answered 429"), "\(givesUp.stderr)")
        #expect(givesUp.stderr.contains("gave up after 2 tries"))
        let stubbornEntries = try String(contentsOfFile: work + "/stubborn.log", encoding: .utf8).split(separator: "\n")
        #expect(stubbornEntries.filter { $0.contains("429") }.count == 2)

        // A chunk that reached the registry only in part: the registry drops the session
        // (distribution cannot resume it), so the blob is sent again in a new upload.
        try RegistrySupport.makeProject(at: work + "/big", dataBytes: 3 << 20)
        try #require(try RegistrySupport.build(work + "/big", output: work + "/big.tar", cache: work + "/cache").status == 0)
        let (cutter, cutterPort) = try proxy(throttle: 0, log: work + "/cut.log", mode: "cut")
        defer { cutter.terminate() }
        let resumed = try RegistrySupport.nbship(["push", work + "/big.tar", "127.0.0.1:\(cutterPort)/team/big:1",
                                                  "--cache-dir", work + "/cache", "--chunk-size", "1048576"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == (try RegistrySupport.inspectedDigest(work + "/big.tar")) + "\n")
        let cutEntries = try String(contentsOfFile: work + "/cut.log", encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let cutAt = try #require(cutEntries.firstIndex { $0["status"] as? Int == 502 })
        #expect(cutEntries[(cutAt + 1)...].contains { $0["method"] as? String == "POST" && $0["status"] as? Int == 202 })
        let verify = try RegistrySupport.skopeo(["copy", "--src-tls-verify=false", "docker://\(registry.address)/team/big:1",
                                                 "oci-archive:\(work)/big-copy.tar"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try RegistrySupport.nbship(["inspect", work + "/big-copy.tar", "--verify"]).status == 0)

        // The same cut where the registry keeps the session (the proxy plays one): nbship does
        // not send the chunk again as it was; it asks where the upload stands (GET, 204 with
        // Range) and goes on from the reported offset in the same session.
        try RegistrySupport.makeProject(at: work + "/resume", dataBytes: (3 << 20) + 4321)
        try #require(try RegistrySupport.build(work + "/resume", output: work + "/resume.tar", cache: work + "/cache").status == 0)
        let (resumer, resumerPort) = try proxy(throttle: 0, log: work + "/resume.log", mode: "cut-resume")
        defer { resumer.terminate() }
        let goesOn = try RegistrySupport.nbship(["push", work + "/resume.tar", "127.0.0.1:\(resumerPort)/team/resume:1",
                                                 "--cache-dir", work + "/cache", "--chunk-size", "1048576", "--format", "json"])
        #expect(goesOn.status == 0, "\(goesOn.stderr)")
        let resumeEntries = try String(contentsOfFile: work + "/resume.log", encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let brokenAt = try #require(resumeEntries.firstIndex { $0["status"] as? Int == 502 })
        let afterBreak = Array(resumeEntries[(brokenAt + 1)...])
        #expect(afterBreak.first?["method"] as? String == "GET" && afterBreak.first?["status"] as? Int == 204, "\(afterBreak.prefix(3))")
        #expect(afterBreak.first?["path"] as? String == resumeEntries[brokenAt]["path"] as? String)
        // One upload session per blob, none restarted, no chunk refused, and the blob completed.
        let posts = resumeEntries.filter { $0["method"] as? String == "POST" }.count
        #expect(!afterBreak.prefix { $0["method"] as? String != "PUT" }.contains { $0["method"] as? String == "POST" }, "\(afterBreak)")
        #expect(!resumeEntries.contains { $0["status"] as? Int == 416 })
        #expect(afterBreak.contains { $0["method"] as? String == "PATCH" && $0["status"] as? Int == 202 })
        // The bytes that crossed: the big layer once, the half that reached the registry not again.
        let report = try RegistrySupport.pushReport(goesOn)
        let (resumeLayers, _) = try RegistrySupport.layers(work + "/resume.tar")
        let bigLayer = try #require(resumeLayers.first)
        #expect(RegistrySupport.outcomes(report)[bigLayer] == "uploaded")
        #expect(posts == RegistrySupport.outcomes(report).values.filter { $0 == "uploaded" || $0 == "mounted" }.count)
        #expect(report["manifestDigest"] as? String == (try RegistrySupport.inspectedDigest(work + "/resume.tar")))
        let uploadedBytes = (report["blobs"] as? [[String: Any]] ?? []).filter { $0["outcome"] as? String == "uploaded" }
            .reduce(0) { $0 + ($1["size"] as? Int ?? 0) }
        #expect(report["bytesUploaded"] as? Int == uploadedBytes)
        let readBack = try RegistrySupport.skopeo(["copy", "--src-tls-verify=false", "docker://\(registry.address)/team/resume:1",
                                                   "oci-archive:\(work)/resume-copy.tar"])
        #expect(readBack.status == 0, "\(readBack.stderr)")
        #expect(try RegistrySupport.nbship(["inspect", work + "/resume-copy.tar", "--verify"]).status == 0)
    }
}
