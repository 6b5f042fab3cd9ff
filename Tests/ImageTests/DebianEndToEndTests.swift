import Foundation
import Testing
@testable import Image

/// The whole path, from the notebook to a served API in a real root file system:
/// `nbship base debian` → `nbship convert fixtures/demo/churn.ipynb` → `nbship build` →
/// skopeo, umoci and podman accept the image → under chroot, as the image's user and from
/// its working directory, `python3 -m PKG.train` exits 0 and writes the model, and the
/// image's own command serves `/ready` and `/predict` on loopback.
///
/// Needs root (chroot, umoci without --rootless), mmdebstrap, a Debian mirror and PyPI (the
/// dependency layer holds the project's pinned wheels for the base's python 3.11), and the
/// test python with the notebook's packages and uv installed (convert reads their versions
/// from it and locks them with uv). A few minutes: two base builds (run at the same time), about 80 MB of wheels.
@Suite(.serialized) struct DebianEndToEndTests {
    static var enabled: Bool {
        getuid() == 0 && Support.binary != nil && ["mmdebstrap", "skopeo", "umoci", "podman", "chroot"].allSatisfy(Support.has)
            && ProcessInfo.processInfo.environment["NBSHIP_OFFLINE"] == nil
    }

    static let notebook = Support.packageRoot + "/fixtures/demo/churn.ipynb"
    static var python: String { ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3" }

    /// Starts `nbship base debian` again in another folder, under another umask, TZ and
    /// locale, to run while the rest of the test does; its output goes to files there.
    func startSecondBase(_ binary: String, in directory: String) throws -> Process {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 077 && exec \"$0\" base debian --packages python3 -o base.tar >stdout 2>stderr", binary]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "Asia/Tokyo"
        environment["LC_ALL"] = "C"
        process.environment = environment
        try process.run()
        return process
    }

    /// The layer digests of an image archive, bottom first.
    func layerDigests(_ archive: String, work: String) throws -> [Digest] {
        try #require(ImageInspector(workDirectory: work).inspect(archive, verify: false).images.first).layers.map(\.digest)
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(15)))
    func notebookToServingAPI() throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }

        let base = try Support.run([binary, "base", "debian", "--packages", "python3", "-o", work + "/base.tar"])
        try #require(base.status == 0, "\(base.stderr)")
        // The base is reproducible too: a second build elsewhere, under another umask, TZ and locale.
        let secondBase = try startSecondBase(binary, in: work + "/again")
        defer { secondBase.waitUntilExit() }  // before the folder goes

        let project = work + "/project"
        // --lock: every transitive pin with its hashes (uv, beside the test python), which the
        // dependency layer installs with pip --require-hashes.
        let convert = try Support.run([binary, "convert", Self.notebook, "-o", project, "--python", Self.python, "--lock"])
        try #require(convert.status == 0, "\(convert.stderr)")
        #expect(FileManager.default.fileExists(atPath: project + "/data/churn.csv"))

        let cache = work + "/cache"
        let build = try Support.run([binary, "build", project, "-o", work + "/app.tar", "--tag", "churn:1.0",
                                     "--base", "oci-archive:\(work)/base.tar", "--python", Self.python, "--cache-dir", cache])
        try #require(build.status == 0, "\(build.stderr)")
        let digest = build.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let verify = try Support.run([binary, "inspect", "--verify", work + "/app.tar"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("label: io.nbship.python.version=3.11\n"))
        // The notebook's digest comes from the converted project's [tool.nbship].
        #expect(verify.stdout.contains("label: io.nbship.notebook.digest=\(try FileDigest.of(file: Self.notebook).digest)\n"))
        #expect(verify.stdout.contains("label: io.nbship.notebook=churn.ipynb\n"))
        #expect(verify.stdout.contains("created by: nbship build: dependencies (pip wheels for python 3.11 from requirements.lock, hashes checked) in /app/deps\n"))
        let layers = try layerDigests(work + "/app.tar", work: work)
        #expect(layers.count == 4)  // base, dependencies, data, application (convert writes no artifacts)

        // A code-only change rewrites the application layer alone (pip does not run again).
        let model = project + "/src/churn/model.py"
        try (String(contentsOfFile: model, encoding: .utf8) + "# changed\n").write(toFile: model, atomically: false, encoding: .utf8)
        let rebuild = try Support.run([binary, "build", project, "-o", work + "/changed.tar", "--tag", "churn:1.0",
                                       "--base", "oci-archive:\(work)/base.tar", "--python", Self.python, "--cache-dir", cache])
        try #require(rebuild.status == 0, "\(rebuild.stderr)")
        let changed = try layerDigests(work + "/changed.tar", work: work)
        #expect(changed.dropLast() == layers.dropLast())
        #expect(changed.last != layers.last)

        let docker = try Support.run(["skopeo", "copy", "oci-archive:\(work)/app.tar:1.0", "docker-archive:\(work)/docker.tar:churn:1.0"])
        #expect(docker.status == 0, "\(docker.stderr)")
        let layout = try Support.run(["skopeo", "copy", "oci-archive:\(work)/app.tar:1.0", "oci:\(work)/layout:1.0"])
        try #require(layout.status == 0, "\(layout.stderr)")
        let unpack = try Support.run(["umoci", "unpack", "--image", "\(work)/layout:1.0", "\(work)/bundle"])
        try #require(unpack.status == 0, "\(unpack.stderr)")
        let runRoot = "/tmp/nbp-" + UUID().uuidString.prefix(8)
        // Its own libpod state folder too: the default /run/libpod may be missing, and one run's
        // `system reset` removes it under the other.
        let podman = ["podman", "--storage-driver", "vfs", "--root", work + "/storage", "--runroot", runRoot, "--tmpdir", runRoot + "/libpod"]
        defer {
            _ = try? Support.run(podman + ["system", "reset", "--force"])
            try? FileManager.default.removeItem(atPath: runRoot)
        }
        let load = try Support.run(podman + ["load", "-i", work + "/app.tar"])
        #expect(load.status == 0, "\(load.stderr)")
        let images = try Support.run(podman + ["images", "--no-trunc", "--format", "{{.Digest}}"])
        #expect(images.stdout.contains(digest))

        secondBase.waitUntilExit()
        let again = (try? String(contentsOfFile: work + "/again/stdout", encoding: .utf8)) ?? ""
        #expect(secondBase.terminationStatus == 0, "\((try? String(contentsOfFile: work + "/again/stderr", encoding: .utf8)) ?? "")")
        #expect(again == base.stdout)

        // The runtime config umoci derived from the image: user, environment, working directory, command.
        let runtime = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: work + "/bundle/config.json")))
        let process = try #require(runtime["process"])
        let uid = try #require(process["user"]?["uid"]?.integerValue)
        let gid = try #require(process["user"]?["gid"]?.integerValue)
        #expect(uid != 0)
        let cwd = try #require(process["cwd"]?.stringValue)
        let command = (process["args"]?.arrayValue ?? []).compactMap(\.stringValue)
        // The module runs itself (uvicorn inside, PORT, HOST and WORKERS from the environment).
        #expect(command == ["python3", "-m", "churn.serve"])
        // Exactly the image's environment (no HOME: the user has no passwd entry in the base).
        let env = (process["env"]?.arrayValue ?? []).compactMap(\.stringValue)
        let rootfs = work + "/bundle/rootfs"
        #expect(env.contains("PORT=8000"))
        func inImage(_ arguments: [String], setting extra: [String] = []) -> [String] {
            let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            return ["chroot", "--userspec=\(uid):\(gid)", rootfs, "/usr/bin/env", "-i"] + env + extra + ["/bin/sh", "-c", "cd \(cwd) && exec \(quoted)"]
        }

        let train = try Support.run(inImage(["python3", "-m", "churn.train"]))
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.hasPrefix("accuracy: "))
        var info = stat()
        #expect(lstat(rootfs + cwd + "/artifacts/model.joblib", &info) == 0)
        #expect(Int64(info.st_uid) == uid)

        // The image's own command, on loopback and a free-ish port. Server and client in one
        // shell: the server is killed with SIGKILL because the test runner's threads block
        // SIGTERM, and children inherit that mask.
        let port = 20000 + Int(getpid() % 10000)
        let client = """
            import json, sys, time, urllib.request
            base = "http://127.0.0.1:\(port)"
            for _ in range(600):
                try:
                    health = urllib.request.urlopen(base + "/ready", timeout=2).read().decode()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                sys.exit("server never answered")
            # Raw records as the data file holds them: the API applies the notebook's feature code.
            rows = [{"customer_id": "C9001", "tenure_months": 6, "monthly_charges": 80.0, "support_calls": 4},
                    {"customer_id": "C9002", "tenure_months": 72, "monthly_charges": 20.0, "support_calls": 0}]
            request = urllib.request.Request(base + "/predict", data=json.dumps({"rows": rows}).encode(),
                                             headers={"Content-Type": "application/json"})
            try:
                predict = json.loads(urllib.request.urlopen(request, timeout=30).read().decode())
            except urllib.error.HTTPError as error:
                predict = {"error": f"{error.code} {error.read().decode()}"}
            print(json.dumps({"health": json.loads(health), "predict": predict}))
            """
        let serve = inImage(command, setting: ["PORT=\(port)", "HOST=127.0.0.1"]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "\(serve) >\"$1\" 2>&1 & pid=$!; python3 -c \"$0\"; rc=$?; kill -9 $pid; wait $pid 2>/dev/null; exit $rc"
        let answer = try Support.run(["sh", "-c", script, client, work + "/serve.log"])
        let log = (try? String(contentsOfFile: work + "/serve.log", encoding: .utf8)) ?? ""
        try #require(answer.status == 0, "\(answer.stderr)\n\(log.suffix(2000))")
        let replies = try JSONDecoder().decode(JSONValue.self, from: Data(answer.stdout.utf8))
        #expect(replies["health"]?["status"] == .string("ready"))
        #expect(replies["health"]?["model_sha256"]?.stringValue?.count == 64)
        // One class (0 or 1) per row, from the image's own model and serving code.
        let predictions = replies["predict"]?["predictions"]?.arrayValue ?? []
        #expect(predictions.count == 2 && predictions.allSatisfy { $0 == .integer(0) || $0 == .integer(1) },
                "\(answer.stdout)\n\(log.suffix(1500))")
    }
}
