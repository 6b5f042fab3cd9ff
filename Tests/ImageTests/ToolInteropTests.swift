import Foundation
import Testing
@testable import Image

/// Independent implementations accept the archive: skopeo, umoci and podman.
@Suite struct ToolInteropTests {
    @Test(.enabled(if: Support.has("skopeo") && Support.has("umoci")))
    func skopeoCopiesAndUmociUnpacks() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        _ = try await Support.buildFixture(output: work + "/image.tar", work: work)
        let toDocker = try Support.run(["skopeo", "copy", "oci-archive:\(work)/image.tar:1.0", "docker-archive:\(work)/docker.tar:irisdemo:1.0"])
        #expect(toDocker.status == 0, "\(toDocker.stderr)")
        let toLayout = try Support.run(["skopeo", "copy", "oci-archive:\(work)/image.tar:1.0", "oci:\(work)/layout:1.0"])
        #expect(toLayout.status == 0, "\(toLayout.stderr)")
        let unpack = try Support.run(["umoci", "unpack", "--rootless", "--image", "\(work)/layout:1.0", "\(work)/bundle"])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        let train = "/src/irisdemo/train.py"
        #expect(FileManager.default.contents(atPath: work + "/bundle/rootfs/app" + train) == FileManager.default.contents(atPath: Support.fixture + train))
        let runtimeConfig = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: work + "/bundle/config.json")))
        #expect(runtimeConfig["process"]?["cwd"] == .string("/app"))
        #expect(runtimeConfig["process"]?["args"] == .array([.string("python3"), .string("-m"), .string("irisdemo.serve")]))

        // The docker-archive skopeo wrote is itself a usable base.
        let rebuilt = try await Support.buildFixture(base: .dockerArchive(path: work + "/docker.tar"), output: work + "/again.tar", work: work)
        #expect(rebuilt.layers.map(\.role) == ["base", "base", "artifacts", "application"])
        #expect(try ImageInspector(workDirectory: work).inspect(work + "/again.tar", verify: true).problems.isEmpty)
        // So is the OCI layout directory skopeo wrote; its layer is ours, copied unchanged.
        let fromLayout = try await Support.buildFixture(base: .ociLayout(directory: work + "/layout", tag: "1.0"), output: work + "/layered.tar", work: work)
        #expect(fromLayout.layers.map(\.role) == ["base", "base", "artifacts", "application"])
        #expect(fromLayout.layers.prefix(2).map(\.descriptor) == rebuilt.layers.suffix(2).map(\.descriptor))
    }

    @Test(.enabled(if: Support.has("podman")))
    func podmanLoadsTheArchive() async throws {
        let work = try Support.temporaryDirectory()
        // podman refuses a runroot longer than 50 characters.
        let runRoot = "/tmp/nbp-" + UUID().uuidString.prefix(8)
        let podman = ["podman", "--storage-driver", "vfs", "--root", work + "/storage", "--runroot", runRoot]
        defer {
            _ = try? Support.run(podman + ["system", "reset", "--force"])
            try? FileManager.default.removeItem(atPath: work)
            try? FileManager.default.removeItem(atPath: runRoot)
        }
        let build = try await Support.buildFixture(output: work + "/image.tar", work: work)
        let load = try Support.run(podman + ["load", "-i", work + "/image.tar"])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("docker.io/library/irisdemo:1.0"))
        let images = try Support.run(podman + ["images", "--no-trunc", "--format", "{{.Digest}}"])
        #expect(images.stdout.contains(build.manifestDigest.description))
    }
}
