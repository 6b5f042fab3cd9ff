import Foundation

/// Loads a base image from an archive or layout on disk.
public struct BaseImageLoader: Sendable {
    /// A scratch directory where archives are unpacked (the caller removes it).
    public var workDirectory: String

    /// Creates a loader.
    /// - Parameter workDirectory: An existing, empty directory for unpacked archives.
    public init(workDirectory: String) {
        self.workDirectory = workDirectory
    }

    /// Loads `reference`.
    /// - Parameter reference: The base.
    /// - Returns: The config and layers.
    /// - Throws: `DiagnosticError` when the base is missing, ambiguous or damaged.
    public func load(_ reference: BaseReference) throws -> BaseImage {
        switch reference {
        case .scratch:
            return .scratch
        case .ociLayout(let directory, let tag):
            return try loadLayout(directory, tag: tag, origin: reference.description)
        case .ociArchive(let path, let tag):
            let directory = try unpack(path)
            return try loadLayout(directory, tag: tag, origin: reference.description)
        case .dockerArchive(let path):
            let directory = try unpack(path)
            return try loadDocker(directory, origin: path)
        }
    }

    private func unpack(_ archive: String) throws -> String {
        guard FileManager.default.fileExists(atPath: archive) else {
            throw ImageFailure.at(archive, "image.base-not-found", "base image archive not found")
        }
        let directory = workDirectory + "/base-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try ArchiveExtractor.extract(archive, into: directory)
        return directory
    }

    private func readJSON<T: Decodable>(_ type: T.Type, _ path: String, origin: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImageFailure.at(origin, "image.base-invalid", "missing \((path as NSString).lastPathComponent) in the base image")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ImageFailure.at(origin, "image.base-invalid", "cannot decode \((path as NSString).lastPathComponent) in the base image: \(error)")
        }
    }

    private func verifiedBlob(_ directory: String, _ descriptor: Descriptor, origin: String) throws -> String {
        let path = directory + "/" + descriptor.digest.blobPath
        let (digest, size) = try FileDigest.of(file: path)
        guard digest == descriptor.digest, size == descriptor.size else {
            throw ImageFailure.at(origin, "image.base-corrupt", "blob \(descriptor.digest) does not match its descriptor")
        }
        return path
    }

    private func loadLayout(_ directory: String, tag: String?, origin: String) throws -> BaseImage {
        let index = try readJSON(ImageIndex.self, directory + "/index.json", origin: origin)
        var candidates = index.manifests
        if let tag {
            candidates = candidates.filter { $0.annotations?[ImageIndex.refNameAnnotation] == tag }
            guard !candidates.isEmpty else {
                let tags = index.manifests.compactMap { $0.annotations?[ImageIndex.refNameAnnotation] }
                throw ImageFailure.at(origin, "image.base-tag-not-found", "no manifest tagged '\(tag)' in the base image",
                                      notes: ["tags present: " + (tags.isEmpty ? "none" : tags.joined(separator: ", "))])
            }
        }
        guard var chosen = candidates.first, candidates.count == 1 else {
            throw ImageFailure.at(origin, "image.base-ambiguous", "the base layout holds \(candidates.count) manifests; name one with :TAG")
        }
        if chosen.mediaType == MediaType.imageIndex || chosen.mediaType == MediaType.dockerManifestList {
            let nested = try readJSON(ImageIndex.self, try verifiedBlob(directory, chosen, origin: origin), origin: origin)
            guard let platformMatch = nested.manifests.first(where: { $0.platform?.os == "linux" && $0.platform?.architecture == "amd64" })
                    ?? nested.manifests.first else {
                throw ImageFailure.at(origin, "image.base-invalid", "the base image index lists no manifests")
            }
            chosen = platformMatch
        }
        let manifestPath = try verifiedBlob(directory, chosen, origin: origin)
        let manifest = try readJSON(Manifest.self, manifestPath, origin: origin)
        let config = try readJSON(JSONValue.self, try verifiedBlob(directory, manifest.config, origin: origin), origin: origin)
        var layers: [BaseImage.Layer] = []
        for descriptor in manifest.layers {
            var copied = descriptor
            if copied.mediaType == MediaType.dockerLayerGzip { copied.mediaType = MediaType.layerTarGzip }
            layers.append(BaseImage.Layer(descriptor: copied, path: try verifiedBlob(directory, descriptor, origin: origin)))
        }
        try checkLayerCount(config, layers.count, origin: origin)
        return BaseImage(config: config, layers: layers, manifestDigest: chosen.digest)
    }

    private func loadDocker(_ directory: String, origin: String) throws -> BaseImage {
        let entries = try readJSON([DockerManifestEntry].self, directory + "/manifest.json", origin: origin)
        guard let entry = entries.first, entries.count == 1 else {
            throw ImageFailure.at(origin, "image.base-ambiguous", "the docker archive holds \(entries.count) images; nbship needs exactly one")
        }
        let config = try readJSON(JSONValue.self, directory + "/" + entry.config, origin: origin)
        var layers: [BaseImage.Layer] = []
        for relative in entry.layers {
            let path = directory + "/" + relative
            let (digest, size) = try FileDigest.of(file: path)
            let mediaType = FileDigest.isGzip(path) ? MediaType.layerTarGzip : MediaType.layerTar
            layers.append(BaseImage.Layer(descriptor: Descriptor(mediaType: mediaType, digest: digest, size: size), path: path))
        }
        try checkLayerCount(config, layers.count, origin: origin)
        return BaseImage(config: config, layers: layers, manifestDigest: nil)
    }

    private func checkLayerCount(_ config: JSONValue, _ count: Int, origin: String) throws {
        let diffIDs = config["rootfs"]?["diff_ids"]?.arrayValue ?? []
        guard diffIDs.count == count else {
            throw ImageFailure.at(origin, "image.base-invalid", "the base config lists \(diffIDs.count) diff_ids for \(count) layers")
        }
    }
}
