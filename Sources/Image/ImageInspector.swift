import Archive
import Diagnostics
import Foundation

/// Reads an image archive back: tags, digests, config and layers; optionally re-hashes every
/// blob and every uncompressed layer against the manifest and config.
public struct ImageInspector: Sendable {
    /// Scratch space for the unpacked archive (the caller removes it).
    public var workDirectory: String

    /// Creates an inspector.
    /// - Parameter workDirectory: An existing directory.
    public init(workDirectory: String) {
        self.workDirectory = workDirectory
    }

    /// Inspects the archive at `path`.
    /// - Parameters:
    ///   - path: An image tar written by nbship, skopeo or buildkit (OCI layout inside).
    ///   - verify: Re-hash blobs and uncompressed layers.
    /// - Returns: The report; mismatches are in ``ImageReport/problems``.
    /// - Throws: `DiagnosticError` when the archive is not an OCI image at all.
    public func inspect(_ path: String, verify: Bool) throws -> ImageReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ImageFailure.at(path, "image.not-found", "image archive not found")
        }
        let directory = workDirectory + "/inspect-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try ArchiveExtractor.extract(path, into: directory)
        var problems: [Diagnostic] = []
        func problem(_ id: String, _ message: String) {
            problems.append(.error(id, message, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        func blob(_ descriptor: Descriptor) throws -> String {
            let blobPath = directory + "/" + descriptor.digest.blobPath
            guard FileManager.default.fileExists(atPath: blobPath) else {
                throw ImageFailure.at(path, "image.missing-blob", "blob \(descriptor.digest) is missing")
            }
            if verify {
                let (digest, size) = try FileDigest.of(file: blobPath)
                if digest != descriptor.digest { problem("image.digest-mismatch", "blob \(descriptor.digest) hashes to \(digest)") }
                if size != descriptor.size { problem("image.size-mismatch", "blob \(descriptor.digest) is \(size) bytes, descriptor says \(descriptor.size)") }
            }
            return blobPath
        }
        func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImageFailure.at(path, "image.invalid", "missing \((file as NSString).lastPathComponent)")
            }
            do { return try JSONDecoder().decode(T.self, from: data) } catch {
                throw ImageFailure.at(path, "image.invalid", "cannot decode \((file as NSString).lastPathComponent): \(error)")
            }
        }

        let index = try decode(ImageIndex.self, directory + "/index.json")
        var images: [ImageReport.Image] = []
        for descriptor in index.manifests {
            let manifest = try decode(Manifest.self, try blob(descriptor))
            let config = try decode(JSONValue.self, try blob(manifest.config))
            let diffIDs = (config["rootfs"]?["diff_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
            if diffIDs.count != manifest.layers.count {
                problem("image.diff-id-count", "config lists \(diffIDs.count) diff_ids for \(manifest.layers.count) layers")
            }
            let history = (config["history"]?.arrayValue ?? []).filter { $0["empty_layer"] != .bool(true) }
            var layers: [ImageReport.Layer] = []
            for (position, layer) in manifest.layers.enumerated() {
                let layerPath = try blob(layer)
                let diffID = position < diffIDs.count ? diffIDs[position] : nil
                if verify {
                    do {
                        let (uncompressed, _) = try FileDigest.ofDecompressed(file: layerPath)
                        if uncompressed.description != diffID {
                            problem("image.diff-id-mismatch", "layer \(position) (\(layer.digest)) uncompresses to \(uncompressed), config says \(diffID ?? "nothing")")
                        }
                    } catch {
                        problem("image.layer-corrupt", "layer \(position) (\(layer.digest)) cannot be decompressed: \(error)")
                    }
                }
                var files = 0
                do {
                    let reader = try ArchiveReader(path: layerPath)
                    while try reader.next() != nil { files += 1 }
                    reader.close()
                } catch {
                    problem("image.layer-corrupt", "layer \(position) (\(layer.digest)) is not a readable tar: \(error)")
                }
                layers.append(ImageReport.Layer(
                    mediaType: layer.mediaType, compression: MediaType.compression(ofLayer: layer.mediaType),
                    annotations: layer.annotations, digest: layer.digest, size: layer.size, diffID: diffID, files: files,
                    createdBy: position < history.count ? history[position]["created_by"]?.stringValue : nil))
            }
            images.append(ImageReport.Image(
                tag: descriptor.annotations?[ImageIndex.refNameAnnotation],
                name: descriptor.annotations?[ImageIndex.containerdNameAnnotation],
                manifestDigest: descriptor.digest, configDigest: manifest.config.digest, config: config, layers: layers))
        }
        var dockerTags: [String] = []
        if FileManager.default.fileExists(atPath: directory + "/manifest.json") {
            let docker = try decode([DockerManifestEntry].self, directory + "/manifest.json")
            dockerTags = docker.flatMap { $0.repoTags ?? [] }
            if verify {
                for entry in docker where !images.contains(where: {
                    $0.configDigest.blobPath == entry.config && $0.layers.map(\.digest.blobPath) == entry.layers
                }) {
                    problem("image.docker-manifest-mismatch", "manifest.json entry \(entry.repoTags ?? []) does not match any OCI manifest")
                }
            }
        }
        try? FileManager.default.removeItem(atPath: directory)
        return ImageReport(images: images, dockerTags: dockerTags, verified: verify, problems: problems)
    }
}
