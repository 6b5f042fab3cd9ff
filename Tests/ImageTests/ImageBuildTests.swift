import Archive
import Diagnostics
import Foundation
import Testing
@testable import Image

@Suite struct ImageBuildTests {
    /// Writes a one-layer base image archive tagged `base` and returns its layer and config.
    func makeBase(_ work: String) throws -> (path: String, layer: LayerBlob, build: ImageBuild) {
        let root = work + "/base-root"
        try FileManager.default.createDirectory(atPath: root + "/usr/bin", withIntermediateDirectories: true)
        try "#!/bin/sh\necho base\n".write(toFile: root + "/usr/bin/hello", atomically: false, encoding: .utf8)
        let scan = try LayerTreeScanner(modificationTime: 0).scan([
            LayerSource(directory: root, destination: "", modes: .preserved, owner: .preserved, symlinks: .rootFileSystem),
        ])
        let blobPath = work + "/base-layer"
        let layer = try LayerWriter(compression: .gzip(level: 9, codec: .zlib)).write(scan.entries, to: blobPath)
        let config: JSONValue = .object([
            "architecture": .string("amd64"), "os": .string("linux"),
            "config": .object(["Env": .array([.string("PATH=/opt/base/bin:/usr/bin")]), "StopSignal": .string("SIGINT"),
                               "Labels": .object([PythonTarget.versionLabel: .string("3.11"), "base.label": .string("kept")])]),
            "rootfs": .object(["type": .string("layers"), "diff_ids": .array([.string(layer.diffID.description)])]),
            "history": .array([.object(["created_by": .string("base layer"), "created": .string("1970-01-01T00:00:00Z")])]),
        ])
        let build = try ImageAssembler.assemble(config: config, layers: [(layer.descriptor, blobPath)], name: "base", tag: "base",
                                                baseDigest: nil, roles: ["base"])
        let path = work + "/base.tar"
        try ImageArchiveWriter(modificationTime: 0).write(build.layout, to: path)
        return (path, layer, build)
    }

    func config(of build: ImageBuild) throws -> (Manifest, JSONValue) {
        guard case .bytes(let manifestBytes) = build.layout.blobs[build.manifestDigest] else { throw CancellationError() }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(manifestBytes))
        guard case .bytes(let configBytes) = build.layout.blobs[manifest.config.digest] else { throw CancellationError() }
        return (manifest, try JSONDecoder().decode(JSONValue.self, from: Data(configBytes)))
    }

    @Test func scratchBuildHasTheApplicationLayerAndConfig() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try await Support.buildFixture(output: work + "/image.tar", work: work)
        let (manifest, config) = try config(of: build)
        // requirements.txt pins nothing and there is no data/: no dependency or data layer.
        #expect(build.layers.map(\.role) == ["artifacts", "application"])
        #expect(manifest.layers.count == 2)
        let inner = try #require(config["config"])
        #expect(inner["User"] == .string("1000:1000"))
        #expect(inner["WorkingDir"] == .string("/app"))
        #expect(inner["Cmd"] == .array([.string("python3"), .string("-m"), .string("irisdemo.serve")]))
        #expect(inner["ExposedPorts"] == .object(["8000/tcp": .object([:])]))
        #expect(inner["Env"]?.arrayValue?.contains(.string("PYTHONPATH=/app/src")) == true)
        #expect(config["created"] == .string("1970-01-01T00:00:00Z"))
        #expect(config["rootfs"]?["diff_ids"]?.arrayValue?.count == 2)
        let report = try ImageInspector(workDirectory: work).inspect(work + "/image.tar", verify: true)
        #expect(report.problems.isEmpty)
        #expect(report.images.first?.tag == "1.0")
        #expect(report.images.first?.name == "docker.io/library/irisdemo:1.0")
        #expect(report.dockerTags == ["irisdemo:1.0"])
        // /app, artifacts, artifacts/.keep; /app, requirements.txt, src, src/irisdemo + 3 modules
        #expect(report.images.first?.layers.map(\.files) == [3, 7])
    }

    @Test func baseLayersAreCopiedByteForByteWithDiffIDsAndHistory() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let base = try makeBase(work)
        let build = try await Support.buildFixture(base: .ociArchive(path: base.path, tag: "base"), output: work + "/image.tar", work: work)
        let (manifest, config) = try config(of: build)
        #expect(manifest.layers.first == base.layer.descriptor)
        #expect(manifest.annotations?["org.opencontainers.image.base.digest"] == base.build.manifestDigest.description)
        let diffIDs = config["rootfs"]?["diff_ids"]?.arrayValue ?? []
        #expect(diffIDs.count == 3 && diffIDs.first == .string(base.layer.diffID.description))
        #expect(config["history"]?.arrayValue?.first?["created_by"] == .string("base layer"))
        #expect(config["config"]?["StopSignal"] == .string("SIGINT"))
        #expect(config["config"]?["Labels"]?["base.label"] == .string("kept"))
        #expect(config["config"]?["Env"]?.arrayValue?.first == .string("PATH=/opt/base/bin:/usr/bin"))
        // The blob inside the output archive is the base's file, unchanged (level 9, not ours).
        let unpacked = work + "/unpacked"
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        try ArchiveExtractor.extract(work + "/image.tar", into: unpacked)
        #expect(FileManager.default.contents(atPath: unpacked + "/" + base.layer.digest.blobPath) == FileManager.default.contents(atPath: work + "/base-layer"))
        #expect(try ImageInspector(workDirectory: work).inspect(work + "/image.tar", verify: true).problems.isEmpty)
    }

    @Test func unknownBaseTagIsReportedWithTheTagsPresent() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let base = try makeBase(work)
        let error = await #expect(throws: DiagnosticError.self) {
            _ = try await Support.buildFixture(base: .ociArchive(path: base.path, tag: "nope"), output: work + "/image.tar", work: work)
        }
        #expect(error?.diagnostic.id == "image.base-tag-not-found")
        #expect(error?.diagnostic.notes == ["tags present: base"])
    }

    @Test func codeOnlyChangeRewritesOnlyTheApplicationLayer() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/project"
        try Support.copyFixture(to: project)
        let cache = work + "/cache"
        func build() async throws -> ImageBuild {
            let request = ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: cache,
                                            workDirectory: work, toolVersion: "test")
            return try await ImageBuilder().build(request)
        }
        let first = try await build()
        let again = try await build()
        #expect(first.manifestDigest == again.manifestDigest)
        #expect(again.layers.allSatisfy { $0.reused })
        try "# changed\n".write(toFile: project + "/src/irisdemo/__init__.py", atomically: false, encoding: .utf8)
        let changed = try await build()
        #expect(changed.manifestDigest != first.manifestDigest)
        #expect(changed.layers.last?.reused == false)
    }

    @Test func compressionIsPartOfTheCacheKeyAndOfEachNewLayersDescriptor() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        func build(_ compression: LayerCompression) async throws -> ImageBuild {
            let request = ImageBuildRequest(project: Support.fixture, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: work + "/cache",
                                            workDirectory: work, toolVersion: "test", compression: compression)
            return try await ImageBuilder().build(request)
        }
        let gzip = try await build(.defaultGzip)
        let zstd = try await build(.defaultZstd)
        let best = try await build(.gzip(level: 9, codec: .zlib))
        let portable = try await build(.portableGzip)
        // Nothing is reused across codecs or levels, though the cache holds the same trees.
        #expect(!zstd.layers.contains { $0.reused } && !best.layers.contains { $0.reused } && !portable.layers.contains { $0.reused })
        #expect(try await build(.defaultZstd).layers.allSatisfy { $0.reused })
        #expect(Set([gzip.manifestDigest, zstd.manifestDigest, best.manifestDigest, portable.manifestDigest]).count == 4)
        #expect(gzip.layers.allSatisfy { $0.descriptor.mediaType == MediaType.layerTarGzip })
        #expect(zstd.layers.allSatisfy { $0.descriptor.mediaType == MediaType.layerTarZstd })
        let annotations = try #require(zstd.layers.first?.descriptor.annotations)
        #expect(annotations == [
            "io.nbship.layer.compressor": "libzstd " + LayerCompression.defaultZstd.codecVersion, "io.nbship.layer.level": "3",
            "io.nbship.layer.chunk-size": "1048576",
        ])
        #expect(gzip.layers.first?.descriptor.annotations?["io.nbship.layer.dictionary-size"] == "32768")
        let isal = try #require(gzip.layers.first?.descriptor.annotations)
        #expect(isal["io.nbship.layer.compressor"] == "isa-l \(DeflateCodec.isal.version) \(DeflateCodec.isal.kernelFamily ?? "")")
        #expect(isal["io.nbship.layer.level-buffer-size"] == LayerCompression.defaultGzip.settings["level-buffer-size"])
        #expect(portable.layers.first?.descriptor.annotations?["io.nbship.layer.compressor"] == "zlib " + DeflateCodec.zlib.version)
        #expect(best.layers.first?.descriptor.annotations?["io.nbship.layer.level"] == "9")
    }

    @Test func missingSourcesIsBadInput() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let error = await #expect(throws: DiagnosticError.self) {
            _ = try await Support.buildFixture(project: work, output: work + "/image.tar", work: work)
        }
        #expect(error?.diagnostic.id == "image.no-sources")
    }
}
