import Archive
import Diagnostics
import Foundation
import Testing
@testable import Image

/// A project with `requirements.lock` (`nbship convert --lock`) gets its dependency layer from
/// the lock, with pip checking every hash. Offline: the locked wheel is made here.
@Suite struct LockFileTests {
    /// The fixture (whose requirements.txt pins nothing) plus a lock pinning tinypkg by `hash`.
    func makeProject(_ work: String, hash: (String) throws -> String) throws -> String {
        let project = work + "/project"
        try Support.copyFixture(to: project)
        try BytecodeTests().makeWheel(in: work + "/wheels")
        let wheel = work + "/wheels/tinypkg-1.0-py3-none-any.whl"
        let lock = "--no-index\n--find-links \(work)/wheels\ntinypkg==1.0 \\\n    --hash=sha256:\(try hash(wheel))\n    # via -r requirements.txt\n"
        try lock.write(toFile: project + "/requirements.lock", atomically: false, encoding: .utf8)
        return project
    }

    func request(_ project: String, work: String) -> ImageBuildRequest {
        ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", workDirectory: work,
                          hostPython: BytecodeTests.python, toolVersion: "test")
    }

    func paths(_ build: ImageBuild, role: String) throws -> [String] {
        let layer = try #require(build.layers.first { $0.role == role })
        guard case .file(let path, _) = build.layout.blobs[layer.descriptor.digest] else { throw CancellationError() }
        let reader = try ArchiveReader(path: path)
        var paths: [String] = []
        while let entry = try reader.next() { paths.append(entry.path) }
        return paths
    }

    @Test func lockWinsAndItsHashesAreChecked() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work) { try FileDigest.of(file: $0).digest.hex }
        let build = try await ImageBuilder().build(request(project, work: work))
        #expect(build.layers.map(\.role) == ["dependencies", "artifacts", "application"])
        #expect(try paths(build, role: "dependencies").contains("app/deps/tinypkg/core.py"))
        #expect(try paths(build, role: "application").contains("app/requirements.lock"))
        guard case .bytes(let manifestBytes) = build.layout.blobs[build.manifestDigest] else { throw CancellationError() }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(manifestBytes))
        guard case .bytes(let configBytes) = build.layout.blobs[manifest.config.digest] else { throw CancellationError() }
        let config = try JSONDecoder().decode(JSONValue.self, from: Data(configBytes))
        #expect(config["history"]?.arrayValue?.first?["created_by"]
            == .string("nbship build: dependencies (pip wheels for python 3.11 from requirements.lock, hashes checked) in /app/deps"))
    }

    @Test func aWrongHashFailsTheBuild() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work) { _ in String(repeating: "0", count: 64) }
        let error = await #expect(throws: DiagnosticError.self) { _ = try await ImageBuilder().build(request(project, work: work)) }
        #expect(error?.diagnostic.id == "image.dependencies-failed")
        #expect(error?.diagnostic.location?.path == project + "/requirements.lock")
    }
}
