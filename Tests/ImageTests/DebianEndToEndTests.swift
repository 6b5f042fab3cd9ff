import Foundation
import Testing
@testable import Image

/// The whole path on a real root file system: `nbship base debian` → `nbship build` →
/// skopeo, umoci and podman accept the image → under chroot, as the image's user,
/// `python3 -m irisdemo.train` exits 0 and the served API answers on loopback.
///
/// Needs root (chroot, umoci without --rootless), mmdebstrap and a Debian mirror; about a minute.
@Suite(.serialized) struct DebianEndToEndTests {
    static var enabled: Bool {
        getuid() == 0 && Support.binary != nil && ["mmdebstrap", "skopeo", "umoci", "podman", "chroot"].allSatisfy(Support.has)
            && ProcessInfo.processInfo.environment["NBSHIP_OFFLINE"] == nil
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(10)))
    func debianBaseToServingAPI() throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }

        let base = try Support.run([binary, "base", "debian", "--packages", "python3", "-o", work + "/base.tar"])
        try #require(base.status == 0, "\(base.stderr)")
        // The base is reproducible too: a second build elsewhere, under another umask, TZ and locale.
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "Asia/Tokyo"
        environment["LC_ALL"] = "C"
        try FileManager.default.createDirectory(atPath: work + "/again", withIntermediateDirectories: true)
        let again = try Support.run(["sh", "-c", "umask 077 && exec \"$0\" base debian --packages python3 -o base.tar", binary],
                                    environment: environment, directory: work + "/again")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == base.stdout)
        let build = try Support.run([binary, "build", Support.fixture, "-o", work + "/app.tar", "--tag", "irisdemo:1.0",
                                     "--base", "oci-archive:\(work)/base.tar"])
        try #require(build.status == 0, "\(build.stderr)")
        let digest = build.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let verify = try Support.run([binary, "inspect", "--verify", work + "/app.tar"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("label: io.nbship.python.version=3.11"))

        let docker = try Support.run(["skopeo", "copy", "oci-archive:\(work)/app.tar:1.0", "docker-archive:\(work)/docker.tar:irisdemo:1.0"])
        #expect(docker.status == 0, "\(docker.stderr)")
        let layout = try Support.run(["skopeo", "copy", "oci-archive:\(work)/app.tar:1.0", "oci:\(work)/layout:1.0"])
        try #require(layout.status == 0, "\(layout.stderr)")
        let unpack = try Support.run(["umoci", "unpack", "--image", "\(work)/layout:1.0", "\(work)/bundle"])
        try #require(unpack.status == 0, "\(unpack.stderr)")
        let runRoot = "/tmp/nbp-" + UUID().uuidString.prefix(8)
        let podman = ["podman", "--storage-driver", "vfs", "--root", work + "/storage", "--runroot", runRoot]
        defer {
            _ = try? Support.run(podman + ["system", "reset", "--force"])
            try? FileManager.default.removeItem(atPath: runRoot)
        }
        let load = try Support.run(podman + ["load", "-i", work + "/app.tar"])
        #expect(load.status == 0, "\(load.stderr)")
        let images = try Support.run(podman + ["images", "--no-trunc", "--format", "{{.Digest}}"])
        #expect(images.stdout.contains(digest))

        // The runtime config umoci derived from the image: user, environment, working directory.
        let runtime = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: work + "/bundle/config.json")))
        let process = try #require(runtime["process"])
        let uid = try #require(process["user"]?["uid"]?.integerValue)
        let gid = try #require(process["user"]?["gid"]?.integerValue)
        #expect(uid != 0)
        let cwd = try #require(process["cwd"]?.stringValue)
        let port = 20000 + Int(getpid() % 10000)
        let env = (process["env"]?.arrayValue ?? []).compactMap(\.stringValue) + ["PORT=\(port)", "HOME=/tmp"]
        let rootfs = work + "/bundle/rootfs"
        func inImage(_ command: String) -> [String] {
            ["chroot", "--userspec=\(uid):\(gid)", rootfs, "/usr/bin/env", "-i"] + env + ["/bin/sh", "-c", "cd \(cwd) && exec \(command)"]
        }

        let train = try Support.run(inImage("python3 -m irisdemo.train"))
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout == "saved 3 centroids to artifacts/model.json\n")

        // Server and client in one shell: the server is killed with SIGKILL because the test
        // runner's threads block SIGTERM, and children inherit that mask.
        let client = """
            import json, sys, time, urllib.request
            base = "http://127.0.0.1:\(port)"
            for _ in range(100):
                try:
                    health = urllib.request.urlopen(base + "/health", timeout=2).read().decode()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                sys.exit("server never answered")
            request = urllib.request.Request(base + "/predict", data=json.dumps({"features": [6.5, 3.0, 5.8, 2.2]}).encode(),
                                             headers={"Content-Type": "application/json"})
            print(health)
            print(urllib.request.urlopen(request, timeout=5).read().decode())
            """
        let serve = inImage("python3 -m irisdemo.serve").map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "\(serve) >/dev/null 2>&1 & pid=$!; python3 -c \"$0\"; rc=$?; kill -9 $pid; wait $pid 2>/dev/null; exit $rc"
        let answer = try Support.run(["sh", "-c", script, client])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout == "{\"status\": \"ok\"}\n{\"species\": \"virginica\"}\n")
    }
}
