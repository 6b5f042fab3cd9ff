import Archive
import Foundation
import Testing
@testable import Image

/// The project's files make up to three layers (data, artifacts, application); each depends
/// only on its own input.
@Suite struct ProjectLayerTests {
    /// The fixture plus a data/ directory and a pyproject.toml.
    func makeProject(_ work: String) throws -> String {
        let project = work + "/project"
        try Support.copyFixture(to: project)
        try FileManager.default.createDirectory(atPath: project + "/data/raw", withIntermediateDirectories: true)
        try "sepal,petal\n5.1,1.4\n".write(toFile: project + "/data/iris.csv", atomically: false, encoding: .utf8)
        try "x\n".write(toFile: project + "/data/raw/notes.txt", atomically: false, encoding: .utf8)
        try "[project]\nname = \"irisdemo\"\n".write(toFile: project + "/pyproject.toml", atomically: false, encoding: .utf8)
        // Not part of any layer: tests, the Dockerfile, notebooks at the top.
        try FileManager.default.createDirectory(atPath: project + "/tests", withIntermediateDirectories: true)
        try "def test(): pass\n".write(toFile: project + "/tests/test_x.py", atomically: false, encoding: .utf8)
        try "FROM scratch\n".write(toFile: project + "/Dockerfile", atomically: false, encoding: .utf8)
        return project
    }

    func request(_ project: String, work: String, includeData: Bool = true) -> ImageBuildRequest {
        ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: work + "/cache",
                          workDirectory: work, toolVersion: "test", includeData: includeData)
    }

    /// Every entry of a layer blob: path → (uid, gid).
    func owners(_ build: ImageBuild, role: String) throws -> [String: (Int64, Int64)] {
        let layer = try #require(build.layers.first { $0.role == role })
        guard case .file(let path, _) = build.layout.blobs[layer.descriptor.digest] else { throw CancellationError() }
        let reader = try ArchiveReader(path: path)
        var owners: [String: (Int64, Int64)] = [:]
        while let entry = try reader.next() { owners[entry.path] = (entry.uid, entry.gid) }
        return owners
    }

    @Test func layersHoldTheirInputsUnderAppOwnedByTheAppUser() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try await ImageBuilder().build(request(try makeProject(work), work: work))
        #expect(build.layers.map(\.role) == ["data", "artifacts", "application"])
        let data = try owners(build, role: "data")
        #expect(data.keys.sorted() == ["app", "app/data", "app/data/iris.csv", "app/data/raw", "app/data/raw/notes.txt"])
        let artifacts = try owners(build, role: "artifacts")
        #expect(artifacts.keys.sorted() == ["app", "app/artifacts", "app/artifacts/.keep"])
        let application = try owners(build, role: "application")
        #expect(application.keys.sorted() == [
            "app", "app/pyproject.toml", "app/requirements.txt", "app/src", "app/src/irisdemo", "app/src/irisdemo/__init__.py",
            "app/src/irisdemo/serve.py", "app/src/irisdemo/train.py",
        ])
        // /app in every layer, and everything under it, belongs to the user the image runs as,
        // so `python3 -m PKG.train` can write artifacts/ whichever layer is applied last.
        for layer in [data, artifacts, application] {
            #expect(layer.values.allSatisfy { $0 == (1000, 1000) })
        }
    }

    @Test func withoutDataThereIsNoDataLayer() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try await ImageBuilder().build(request(try makeProject(work), work: work, includeData: false))
        #expect(build.layers.map(\.role) == ["artifacts", "application"])
    }

    /// Changing one input rewrites its layer alone; the others come from the cache with the
    /// same descriptors.
    @Test(arguments: [
        ("src/irisdemo/__init__.py", "application"),
        ("pyproject.toml", "application"),
        ("requirements.txt", "application"),
        ("data/iris.csv", "data"),
        ("data/raw/new.bin", "data"),
        ("artifacts/model.json", "artifacts"),
    ])
    func changingOneInputRewritesOnlyItsLayer(file: String, role: String) async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work)
        let first = try await ImageBuilder().build(request(project, work: work))
        try "# changed\n".write(toFile: project + "/" + file, atomically: false, encoding: .utf8)
        let changed = try await ImageBuilder().build(request(project, work: work))
        #expect(changed.manifestDigest != first.manifestDigest)
        #expect(changed.layers.map(\.role) == first.layers.map(\.role))
        for (before, after) in zip(first.layers, changed.layers) {
            if after.role == role {
                #expect(!after.reused && after.descriptor != before.descriptor, "\(after.role)")
            } else {
                #expect(after.reused && after.descriptor == before.descriptor, "\(after.role)")
            }
        }
    }

    /// Files outside the layers' inputs (tests, the Dockerfile) change nothing.
    @Test func filesOutsideTheLayersChangeNothing() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work)
        let first = try await ImageBuilder().build(request(project, work: work))
        try "def test(): assert False\n".write(toFile: project + "/tests/test_x.py", atomically: false, encoding: .utf8)
        try "FROM python:3.11\n".write(toFile: project + "/Dockerfile", atomically: false, encoding: .utf8)
        let again = try await ImageBuilder().build(request(project, work: work))
        #expect(again.manifestDigest == first.manifestDigest)
        #expect(again.layers.allSatisfy { $0.reused })
    }

    /// Without a cache, --jobs 1 and --jobs 4 give the same image.
    @Test func jobsDoNotChangeTheImage() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work)
        var digests: Set<Digest> = []
        for jobs in [1, 2, 4] {
            var request = request(project, work: work)
            request.cacheDirectory = nil
            request.jobs = jobs
            digests.insert(try await ImageBuilder().build(request).manifestDigest)
        }
        #expect(digests.count == 1)
    }
}
