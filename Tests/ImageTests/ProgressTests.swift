import Archive
import Foundation
import Synchronization
import Testing
@testable import Image

/// Collects reports from concurrent layer tasks.
private final class Recorder: Sendable {
    let events = Mutex<[LayerProgress]>([])

    func record(_ progress: LayerProgress) {
        events.withLock { $0.append(progress) }
    }

    func of(_ layer: String) -> [LayerProgress] {
        events.withLock { $0.filter { $0.layer == layer } }
    }
}

@Suite struct ProgressTests {
    /// A tree with two multi-MiB files, many small ones and an empty one.
    func makeTree(_ root: String) throws -> Int64 {
        try FileManager.default.createDirectory(atPath: root + "/pkg/sub", withIntermediateDirectories: true)
        var total: Int64 = 0
        for (name, size) in [("pkg/big.so", 3 * (1 << 20) + 17), ("pkg/sub/other.so", (1 << 20) + 5)] {
            try Data(repeating: UInt8(size & 0xFF), count: size).write(to: URL(fileURLWithPath: root + "/" + name))
            total += Int64(size)
        }
        for index in 0..<200 {
            let text = String(repeating: "x = \(index)\n", count: index + 1)
            try text.write(toFile: root + "/pkg/m\(index).py", atomically: false, encoding: .utf8)
            total += Int64(text.utf8.count)
        }
        FileManager.default.createFile(atPath: root + "/pkg/empty.py", contents: Data())
        return total
    }

    @Test func layerWriterReportsIncreasingBytesEndingAtTheTotal() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let expected = try makeTree(work + "/tree")
        let entries = try LayerTreeScanner(modificationTime: 0).scan([LayerSource(directory: work + "/tree", destination: "app")]).entries
        #expect(LayerWriter.fileBytes(entries) == expected)
        var reports: [(Int64, Int64)] = []
        let blob = try LayerWriter().write(entries, to: work + "/blob") { reports.append(($0, $1)) }
        let done = reports.map(\.0)
        #expect(reports.allSatisfy { $0.1 == expected })
        #expect(zip(done, done.dropFirst()).allSatisfy { $0 < $1 }, "not strictly increasing: \(done)")
        #expect(done.last == expected)
        // At most one report per MiB, plus the last one; more than one for 4+ MiB.
        #expect(done.count >= 4 && done.count <= Int(expected >> 20) + 1, "\(done.count) reports")
        // Reporting does not change the bytes.
        let again = try LayerWriter().write(entries, to: work + "/blob2")
        #expect(again == blob)
    }

    @Test func aLayerWithoutFileBytesReportsZeroOnce() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/tree/a/b", withIntermediateDirectories: true)
        let entries = try LayerTreeScanner(modificationTime: 0).scan([LayerSource(directory: work + "/tree", destination: "")]).entries
        var reports: [[Int64]] = []
        _ = try LayerWriter().write(entries, to: work + "/blob") { reports.append([$0, $1]) }
        #expect(reports == [[0, 0]])
    }

    @Test func builderReportsEachLayerThenReusesItFromTheCache() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/project"
        try Support.copyFixture(to: project)
        let expected = try makeTree(project + "/artifacts")
        let request = ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: work + "/cache",
                                        workDirectory: work, toolVersion: "test")
        let first = Recorder()
        let build = try await ImageBuilder().build(request) { first.record($0) }
        // The generated tree is in artifacts/, so in the artifacts layer.
        let events = first.of("artifacts")
        try #require(events.count >= 3)
        #expect(events.first?.phase == .preparing)
        let writing = events.filter { $0.phase == .writing }
        #expect(writing.count == events.count - 2)
        #expect(zip(writing, writing.dropFirst()).allSatisfy { $0.bytesDone < $1.bytesDone })
        // The fixture's artifacts/ holds only an empty .keep: the total is the generated tree.
        let total = try #require(writing.last?.bytesTotal)
        #expect(total == expected)
        #expect(writing.last?.bytesDone == total)
        let layer = try #require(build.layers.first { $0.role == "artifacts" })
        guard case .finished(let blob, let reused) = events.last?.phase else {
            Issue.record("last report is not finished: \(String(describing: events.last))")
            return
        }
        #expect(blob.descriptor == layer.descriptor && !reused)
        #expect(first.of("dependencies").isEmpty)  // requirements.txt pins nothing

        let second = Recorder()
        _ = try await ImageBuilder().build(request) { second.record($0) }
        #expect(second.of("artifacts") == [
            LayerProgress(layer: "artifacts", phase: .preparing),
            LayerProgress(layer: "artifacts", phase: .finished(blob, reused: true)),
        ])
    }

    @Test func archiveWriterReportsBlobBytesEndingAtTheTotal() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/project"
        try Support.copyFixture(to: project)
        // Incompressible, so that the layer blob spans several MiB.
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        try random.read(upToCount: 3 << 20)?.write(to: URL(fileURLWithPath: project + "/artifacts/noise.bin"))
        try random.close()
        let request = ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", workDirectory: work, toolVersion: "test")
        let build = try await ImageBuilder().build(request)
        var reports: [(Int64, Int64)] = []
        try ImageArchiveWriter(modificationTime: 0).write(build.layout, to: work + "/image.tar") { reports.append(($0, $1)) }
        let blobBytes = build.layout.blobs.values.reduce(Int64(0)) { sum, content in
            switch content {
            case .bytes(let bytes): sum + Int64(bytes.count)
            case .file(_, let size): sum + size
            }
        }
        let done = reports.map(\.0)
        #expect(reports.allSatisfy { $0.1 == blobBytes })
        #expect(zip(done, done.dropFirst()).allSatisfy { $0 < $1 })
        #expect(done.last == blobBytes && done.count >= 3)
    }

    /// Without a terminal, `nbship build` prints the digest on stdout and nothing on stderr.
    @Test(.enabled(if: Support.binary != nil))
    func buildIsQuietWithoutATerminal() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let binary = try #require(Support.binary)
        let result = try Support.run([binary, "build", Support.fixture, "-o", work + "/image.tar", "--tag", "irisdemo:1.0"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("sha256:") && result.stdout.split(separator: "\n").count == 1)
    }
}
