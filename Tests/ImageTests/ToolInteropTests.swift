import Archive
import Foundation
import Testing
@testable import Image

/// Independent implementations accept the archive: skopeo, umoci and podman.
@Suite struct ToolInteropTests {
    @Test(.enabled(if: Support.has("skopeo") && Support.has("umoci")))
    func skopeoCopiesAndUmociUnpacks() async throws {
        let compression = LayerCompression.defaultGzip
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        _ = try await Support.buildFixture(output: work + "/image.tar", work: work, compression: compression)
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
        let rebuilt = try await Support.buildFixture(
            base: .dockerArchive(path: work + "/docker.tar"), output: work + "/again.tar", work: work, compression: compression)
        #expect(rebuilt.layers.map(\.role) == ["base", "base", "artifacts", "application"])
        #expect(try ImageInspector(workDirectory: work).inspect(work + "/again.tar", verify: true).problems.isEmpty)
        // So is the OCI layout directory skopeo wrote; its layer is ours, copied unchanged.
        let fromLayout = try await Support.buildFixture(
            base: .ociLayout(directory: work + "/layout", tag: "1.0"), output: work + "/layered.tar", work: work, compression: compression)
        #expect(fromLayout.layers.map(\.role) == ["base", "base", "artifacts", "application"])
        #expect(fromLayout.layers.prefix(2).map(\.descriptor) == rebuilt.layers.suffix(2).map(\.descriptor))
    }

    /// zstd: skopeo copies the archive into an OCI layout (checking each blob's digest), the
    /// zstd command line decompresses every layer to its config diff_id, and the layout is a
    /// usable base. (Debian 12's umoci 0.4.7 refuses `tar+zstd` layers: "blob is not correct
    /// mediatype"; docker-archive cannot hold zstd at all. podman's test below loads them.)
    @Test(.enabled(if: Support.has("skopeo") && Support.has("zstd") && Support.has("sha256sum")))
    func skopeoCopiesZstdLayersAndZstdDecompressesThemToTheirDiffIDs() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try await Support.buildFixture(output: work + "/image.tar", work: work, compression: .defaultZstd)
        let toLayout = try Support.run(["skopeo", "copy", "oci-archive:\(work)/image.tar:1.0", "oci:\(work)/layout:1.0"])
        #expect(toLayout.status == 0, "\(toLayout.stderr)")
        let report = try ImageInspector(workDirectory: work).inspect(work + "/image.tar", verify: false)
        let layers = try #require(report.images.first?.layers)
        #expect(layers.count == 2 && layers.allSatisfy { $0.compression == "zstd" && $0.mediaType == MediaType.layerTarZstd })
        for layer in layers {
            let blob = work + "/layout/" + layer.digest.blobPath
            let check = try Support.run(["sh", "-c", "zstd -q -t \"$0\" && zstd -q -dc \"$0\" | sha256sum", blob])
            #expect(check.status == 0, "\(check.stderr)")
            #expect("sha256:" + (check.stdout.split(separator: " ").first ?? "") == layer.diffID)
        }
        let fromLayout = try await Support.buildFixture(
            base: .ociLayout(directory: work + "/layout", tag: "1.0"), output: work + "/layered.tar", work: work, compression: .defaultZstd)
        #expect(fromLayout.layers.prefix(2).map(\.descriptor) == build.layers.map(\.descriptor))
        #expect(try ImageInspector(workDirectory: work).inspect(work + "/layered.tar", verify: true).problems.isEmpty)
    }

    // One case at a time: podman's `system reset` of one run's storage was seen to empty the
    // other's `images` listing when both ran at once.
    @Test(.serialized, .enabled(if: Support.has("podman")), arguments: [LayerCompression.defaultGzip, .defaultZstd])
    func podmanLoadsTheArchive(compression: LayerCompression) async throws {
        let work = try Support.temporaryDirectory()
        // podman refuses a runroot longer than 50 characters.
        let runRoot = "/tmp/nbp-" + UUID().uuidString.prefix(8)
        // Its own libpod state folder too: the default /run/libpod may be missing, and one run's
        // `system reset` removes it under the other.
        let podman = ["podman", "--storage-driver", "vfs", "--root", work + "/storage", "--runroot", runRoot, "--tmpdir", runRoot + "/libpod"]
        defer {
            _ = try? Support.run(podman + ["system", "reset", "--force"])
            try? FileManager.default.removeItem(atPath: work)
            try? FileManager.default.removeItem(atPath: runRoot)
        }
        let build = try await Support.buildFixture(output: work + "/image.tar", work: work, compression: compression)
        let load = try Support.run(podman + ["load", "-i", work + "/image.tar"])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("docker.io/library/irisdemo:1.0"))
        let images = try Support.run(podman + ["images", "--no-trunc", "--format", "{{.Digest}}"])
        #expect(images.stdout.contains(build.manifestDigest.description))
    }
}
